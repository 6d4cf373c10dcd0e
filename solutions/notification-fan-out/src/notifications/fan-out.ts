export interface OutgoingMessage {
  recipientId: string;
  subject: string;
  body: string;
}

export interface Channel {
  /** 'in-app', 'email', 'push', 'sms', … */
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
}

export interface NotificationPreferences {
  channels: string[];
  /** UTC hours; may wrap midnight (start 22, end 7). */
  quietHours?: { startHour: number; endHour: number };
}

export interface Notification {
  recipients: string[];
  subject: string;
  body: string;
  urgent?: boolean;
}

export interface DeliveryReport {
  recipientId: string;
  channel: string;
  status: 'sent' | 'failed' | 'timeout' | 'skipped';
  reason?: string;
}

/** Channels that wake people up; they wait for the morning unless the message is urgent. */
const INTRUSIVE = new Set(['push', 'sms']);
const DEFAULT_CHANNELS = ['in-app'];

function isQuiet(hour: number, quiet: NotificationPreferences['quietHours']): boolean {
  if (!quiet) return false;
  const { startHour, endHour } = quiet;
  return startHour <= endHour ? hour >= startHour && hour < endHour : hour >= startHour || hour < endHour;
}

/** Sends one notification to many users over their preferred channels. */
export class NotificationFanOut {
  constructor(
    private readonly channels: readonly Channel[],
    private readonly preferencesOf: (userId: string) => Promise<NotificationPreferences | undefined>,
    private readonly options: { now: () => Date; timeoutMs: number },
  ) {}

  async notify(notification: Notification): Promise<DeliveryReport[]> {
    const hour = this.options.now().getUTCHours();
    const recipients = [...new Set(notification.recipients)];
    const perRecipient = await Promise.all(
      recipients.map(async (recipientId) => {
        const prefs = await this.preferencesOf(recipientId);
        const quiet = !notification.urgent && isQuiet(hour, prefs?.quietHours);
        return (prefs?.channels ?? DEFAULT_CHANNELS).map((name): Promise<DeliveryReport> => {
          const channel = this.channels.find((c) => c.name === name);
          if (!channel) return Promise.resolve({ recipientId, channel: name, status: 'skipped', reason: 'unknown-channel' });
          if (quiet && INTRUSIVE.has(name)) return Promise.resolve({ recipientId, channel: name, status: 'skipped', reason: 'quiet-hours' });
          return this.deliver(channel, { recipientId, subject: notification.subject, body: notification.body });
        });
      }),
    );
    return Promise.all(perRecipient.flat());
  }

  /** One send, isolated: it resolves to a report whatever the channel does. */
  private async deliver(channel: Channel, message: OutgoingMessage): Promise<DeliveryReport> {
    const base = { recipientId: message.recipientId, channel: channel.name };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.options.timeoutMs);
    });
    try {
      const outcome = await Promise.race([channel.send(message).then(() => 'sent' as const), timeout]);
      return { ...base, status: outcome };
    } catch (error) {
      return { ...base, status: 'failed', reason: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
    }
  }
}

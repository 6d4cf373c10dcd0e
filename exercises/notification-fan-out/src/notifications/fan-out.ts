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

/** Sends one notification to many users over their preferred channels. */
export class NotificationFanOut {
  constructor(
    private readonly channels: readonly Channel[],
    private readonly preferencesOf: (userId: string) => Promise<NotificationPreferences | undefined>,
    private readonly options: { now: () => Date; timeoutMs: number },
  ) {}

  async notify(notification: Notification): Promise<DeliveryReport[]> {
    throw new Error(`Not implemented: NotificationFanOut.notify (${notification.recipients.length} recipients)`);
  }
}

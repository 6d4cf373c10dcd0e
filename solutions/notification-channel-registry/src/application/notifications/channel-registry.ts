import { DomainError } from '../../domain/shared/domain-error.js';
import type { Notification } from '../ports/notification-queue.port.js';

/** One way of reaching a person (e-mail, SMS, Slack…). */
export interface NotificationChannel {
  readonly name: string;
  deliver(notification: Notification): Promise<void>;
}

export type DeliveryResult = { channel: string; ok: true } | { channel: string; ok: false; error: string };

/** Channels plug in with register(); dispatch() never needs to change when one is added. */
export class ChannelRegistry {
  private readonly channels = new Map<string, NotificationChannel>();

  register(channel: NotificationChannel): void {
    if (this.channels.has(channel.name)) {
      throw new DomainError('NOTIFY.DUPLICATE_CHANNEL', `A channel called "${channel.name}" is already registered.`);
    }
    this.channels.set(channel.name, channel);
  }

  names(): string[] {
    return [...this.channels.keys()];
  }

  async dispatch(notification: Notification, channelNames: string[]): Promise<DeliveryResult[]> {
    const wanted = [...new Set(channelNames)];
    const unknown = wanted.filter((name) => !this.channels.has(name));
    if (unknown.length > 0) {
      throw new DomainError(
        'NOTIFY.UNKNOWN_CHANNEL',
        `Unknown channel(s) ${unknown.map((n) => `"${n}"`).join(', ')}; registered: ${this.names().join(', ') || 'none'}.`,
      );
    }
    const settled = await Promise.allSettled(wanted.map(async (name) => this.channels.get(name)!.deliver(notification)));
    return settled.map((outcome, i) => {
      const channel = wanted[i]!;
      return outcome.status === 'fulfilled'
        ? { channel, ok: true as const }
        : { channel, ok: false as const, error: outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason) };
    });
  }
}

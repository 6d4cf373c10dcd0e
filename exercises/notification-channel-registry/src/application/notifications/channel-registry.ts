import { DomainError } from '../../domain/shared/domain-error.js';
import type { Notification } from '../ports/notification-queue.port.js';

/** One way of reaching a person (e-mail, SMS, Slack…). */
export interface NotificationChannel {
  readonly name: string;
  deliver(notification: Notification): Promise<void>;
}

export type DeliveryResult = { channel: string; ok: true } | { channel: string; ok: false; error: string };

export class ChannelRegistry {
  private readonly email: NotificationChannel | undefined;
  private readonly sms: NotificationChannel | undefined;

  register(channel: NotificationChannel): void {
    // TODO: the registry should accept any channel, not only these two.
    throw new DomainError('NOTIFY.UNKNOWN_CHANNEL', `Channel ${channel.name} is not supported.`);
  }

  names(): string[] {
    return ['email', 'sms'];
  }

  async dispatch(notification: Notification, channelNames: string[]): Promise<DeliveryResult[]> {
    const results: DeliveryResult[] = [];
    for (const name of channelNames) {
      switch (name) {
        case 'email':
          await this.email?.deliver(notification);
          results.push({ channel: name, ok: true });
          break;
        case 'sms':
          await this.sms?.deliver(notification);
          results.push({ channel: name, ok: true });
          break;
        default:
          throw new DomainError('NOTIFY.UNKNOWN_CHANNEL', `Unknown channel ${name}.`);
      }
    }
    return results;
  }
}

import { Logger } from '@nestjs/common';
import type { Notification, NotificationSender } from '../../application/ports/notification-queue.port.js';

/**
 * Stands in for an e-mail provider: logs each notification and keeps the last few in memory,
 * so developers (and tests) can see what would have been sent.
 */
export class LoggingNotificationSender implements NotificationSender {
  private readonly logger = new Logger('Notifications');
  readonly sent: Notification[] = [];

  async send(notification: Notification): Promise<void> {
    this.logger.log(`→ ${notification.recipientId}: ${notification.subject}`);
    this.sent.push(notification);
    if (this.sent.length > 100) this.sent.shift();
  }
}

import { afterAll, beforeAll } from 'vitest';
import type { Redis } from 'ioredis';
import { connectTestRedis, deleteKeysUnder, REDIS_TEST_URL, uniquePrefix } from '../../../test/fixtures/infrastructure.js';
import { BullMqNotificationQueue } from './bullmq-notification.queue.js';
import { InProcessNotificationQueue } from './in-process.queue.js';
import { notificationQueueContract } from './notification-queue.contract.js';

// Short backoff so the retry tests take milliseconds; the policy (3 attempts, exponential) is the same.
const fast = { backoffMs: 20 };

notificationQueueContract('in process', (sender, logger) => new InProcessNotificationQueue(sender, logger, fast));

let redis: Redis;
const prefix = uniquePrefix('bull');
beforeAll(async () => {
  redis = await connectTestRedis(); // fails with a clear message when Redis is down
});
afterAll(async () => {
  await deleteKeysUnder(redis, prefix);
  redis.disconnect();
});

let run = 0;
notificationQueueContract(
  'BullMQ on Redis',
  (sender, logger) => new BullMqNotificationQueue(sender, logger, { redisUrl: REDIS_TEST_URL, prefix: `${prefix}${run++}`, ...fast }),
);

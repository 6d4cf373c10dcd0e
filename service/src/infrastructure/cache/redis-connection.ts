import { Redis } from 'ioredis';
import { redact } from '../persistence/database.js';

/**
 * A Redis connection for request-time work (the cache). Commands fail fast when Redis is away
 * (no offline queue, 1 s timeout) so requests answer 503 instead of hanging. An unreachable URL
 * at start-up is an error that says so.
 */
export async function connectRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2_000,
    commandTimeout: 1_000,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
  });
  redis.on('error', () => undefined); // reconnects are automatic; /health reports the state
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new Error(
      `Cannot reach Redis at ${redact(url)}: ${error instanceof Error ? error.message : String(error)}. ` +
        'Start Redis, fix REDIS_URL, or unset it to use the in-memory cache and queue.',
      { cause: error },
    );
  }
  return redis;
}

import type { Redis } from 'ioredis';
import type { Cache } from '../../application/ports/cache.port.js';
import { assertTtl } from './in-memory.cache.js';

/**
 * Redis-backed cache. Every key gets `prefix`, so several services (or test runs) can share one
 * Redis without seeing each other's entries. Redis expires keys itself (SET … EX).
 */
export class RedisCache implements Cache {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'workbook:',
  ) {}

  async get(key: string): Promise<unknown> {
    const json = await this.redis.get(this.prefix + key);
    if (json === null) return undefined;
    try {
      return JSON.parse(json) as unknown;
    } catch {
      return undefined; // a value someone else wrote by hand is a miss, not a crash
    }
  }

  async set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    assertTtl(ttlSeconds);
    await this.redis.set(this.prefix + key, JSON.stringify(value), 'EX', Math.ceil(ttlSeconds));
  }

  async del(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }

  /** SCAN, not KEYS: KEYS blocks Redis while it walks the whole key space. */
  async delByPrefix(prefix: string): Promise<void> {
    const pattern = `${escapeGlob(this.prefix + prefix)}*`;
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', pattern, 'COUNT', 200);
      if (keys.length > 0) await this.redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  }

  async ping(): Promise<void> {
    await this.redis.ping();
  }
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}

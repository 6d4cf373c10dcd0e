import type { Cache } from '../../application/ports/cache.port.js';
import type { Clock } from '../../application/ports/clock.port.js';
import { systemClock } from '../../application/ports/clock.port.js';

interface Entry {
  json: string;
  expiresAt: number;
}

/**
 * A Map with expiry, used when no REDIS_URL is set. Values are stored as JSON so that what comes
 * back has exactly the shape Redis would return (dates become strings in both).
 */
export class InMemoryCache implements Cache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly clock: Clock = systemClock) {}

  async get(key: string): Promise<unknown> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.clock.now().getTime()) {
      this.entries.delete(key);
      return undefined;
    }
    return JSON.parse(entry.json) as unknown;
  }

  async set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    assertTtl(ttlSeconds);
    this.entries.set(key, { json: JSON.stringify(value), expiresAt: this.clock.now().getTime() + ttlSeconds * 1000 });
  }

  async del(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async delByPrefix(prefix: string): Promise<void> {
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  async ping(): Promise<void> {}
}

/** Shared by both adapters: a zero or negative TTL is a bug in the caller, not "no expiry". */
export function assertTtl(ttlSeconds: number): void {
  if (!Number.isFinite(ttlSeconds) || ttlSeconds <= 0) {
    throw new RangeError(`Cache TTL must be a positive number of seconds; got ${ttlSeconds}.`);
  }
}

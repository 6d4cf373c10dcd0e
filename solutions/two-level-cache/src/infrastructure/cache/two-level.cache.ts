import type { Cache } from '../../application/ports/cache.port.js';
import { systemClock, type Clock } from '../../application/ports/clock.port.js';
import { assertTtl, InMemoryCache } from './in-memory.cache.js';

export interface TwoLevelOptions {
  /** How long L1 may keep a value it read from L2. */
  l1TtlSeconds: number;
  clock?: Clock;
}

/** An in-process cache (L1) in front of another cache (L2, e.g. Redis); a Cache like any other. */
export class TwoLevelCache implements Cache {
  private readonly near: InMemoryCache;

  constructor(
    private readonly far: Cache,
    private readonly options: TwoLevelOptions,
  ) {
    assertTtl(options.l1TtlSeconds);
    this.near = new InMemoryCache(options.clock ?? systemClock);
  }

  async get(key: string): Promise<unknown> {
    const hit = await this.near.get(key);
    if (hit !== undefined) return hit;
    const value = await this.far.get(key);
    if (value !== undefined) await this.near.set(key, value, this.options.l1TtlSeconds);
    return value;
  }

  async set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    assertTtl(ttlSeconds); // refuse before either level is touched
    await this.far.set(key, value, ttlSeconds);
    // The near copy must never outlive the value itself.
    await this.near.set(key, value, Math.min(ttlSeconds, this.options.l1TtlSeconds));
  }

  async del(key: string): Promise<void> {
    await this.far.del(key);
    await this.near.del(key);
  }

  async delByPrefix(prefix: string): Promise<void> {
    await this.far.delByPrefix?.(prefix);
    await this.near.delByPrefix(prefix);
  }

  async ping(): Promise<void> {
    await this.far.ping?.();
  }
}

import type { Cache } from '../../application/ports/cache.port.js';
import { systemClock, type Clock } from '../../application/ports/clock.port.js';
import { InMemoryCache } from './in-memory.cache.js';

export interface TwoLevelOptions {
  /** How long L1 may keep a value it read from L2. */
  l1TtlSeconds: number;
  clock?: Clock;
}

/** An in-process cache (L1) in front of another cache (L2, e.g. Redis). */
export class TwoLevelCache implements Cache {
  private readonly near: InMemoryCache;

  constructor(
    private readonly far: Cache,
    private readonly options: TwoLevelOptions,
  ) {
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
    // TODO: is this what a caller of Cache.set expects?
    await this.near.set(key, value, this.options.l1TtlSeconds);
    await this.far.set(key, value, ttlSeconds);
  }

  async del(key: string): Promise<void> {
    await this.far.del(key);
  }

  async delByPrefix(prefix: string): Promise<void> {
    await this.far.delByPrefix?.(prefix);
  }

  async ping(): Promise<void> {
    await this.far.ping?.();
  }
}

import type { Cache } from '../../application/ports/cache.port.js';

/** Cache-aside where concurrent misses for one key share a single load. */
export class SingleFlightCache {
  constructor(
    private readonly cache: Cache,
    private readonly ttlSeconds: number,
  ) {}

  async getOrLoad(key: string, load: () => Promise<unknown>): Promise<unknown> {
    const hit = await this.cache.get(key);
    if (hit !== undefined) return hit;
    // TODO: every concurrent miss runs its own load — a stampede.
    const value = await load();
    await this.cache.set(key, value, this.ttlSeconds);
    return value;
  }

  /** How many keys are being loaded right now. */
  inFlight(): number {
    return 0;
  }
}

import type { Cache } from '../../application/ports/cache.port.js';

/** Cache-aside where concurrent misses for one key share a single load. */
export class SingleFlightCache {
  private readonly loading = new Map<string, Promise<unknown>>();

  constructor(
    private readonly cache: Cache,
    private readonly ttlSeconds: number,
  ) {}

  async getOrLoad(key: string, load: () => Promise<unknown>): Promise<unknown> {
    const pending = this.loading.get(key);
    if (pending) return pending;
    const hit = await this.cache.get(key);
    if (hit !== undefined) return hit;
    // The cache read yielded: someone else may have started loading meanwhile.
    return this.loading.get(key) ?? this.start(key, load);
  }

  /** How many keys are being loaded right now. */
  inFlight(): number {
    return this.loading.size;
  }

  private start(key: string, load: () => Promise<unknown>): Promise<unknown> {
    const flight = (async () => {
      const value = await load();
      await this.cache.set(key, value, this.ttlSeconds);
      return value;
    })().finally(() => this.loading.delete(key));
    // Registered synchronously, before anything awaits, so the next caller finds it.
    this.loading.set(key, flight);
    return flight;
  }
}

import type { Cache } from '../../application/ports/cache.port.js';

export const GENERATION_KEY = 'tasks:list:generation';

export type ListCriteria = Record<string, string | number>;

/** Cached task lists whose keys carry a generation: bumping it invalidates them all at once. */
export class TaskListCache {
  constructor(
    private readonly cache: Cache,
    private readonly ttlSeconds: number,
  ) {}

  async get(criteria: ListCriteria): Promise<unknown> {
    return this.cache.get(await this.keyFor(criteria));
  }

  async set(criteria: ListCriteria, value: unknown): Promise<void> {
    await this.cache.set(await this.keyFor(criteria), value, this.ttlSeconds);
  }

  /** Every list cached so far becomes a miss; one write, old entries expire on their own. */
  async invalidateAll(): Promise<void> {
    await this.cache.set(GENERATION_KEY, (await this.generation()) + 1, this.generationTtl());
  }

  private async generation(): Promise<number> {
    const stored = await this.cache.get(GENERATION_KEY);
    return typeof stored === 'number' && Number.isInteger(stored) ? stored : 0;
  }

  /** Outlives every list built on it. */
  private generationTtl(): number {
    return this.ttlSeconds * 10;
  }

  private async keyFor(criteria: ListCriteria): Promise<string> {
    // Sorted, so { page, status } and { status, page } are the same entry.
    const canonical = Object.entries(criteria)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
      .join('&');
    return `tasks:list:g${await this.generation()}:${canonical}`;
  }
}

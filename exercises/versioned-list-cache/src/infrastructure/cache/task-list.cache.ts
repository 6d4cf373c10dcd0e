import type { Cache } from '../../application/ports/cache.port.js';

export const GENERATION_KEY = 'tasks:list:generation';

export type ListCriteria = Record<string, string | number>;

export class TaskListCache {
  constructor(
    private readonly cache: Cache,
    private readonly ttlSeconds: number,
  ) {}

  async get(criteria: ListCriteria): Promise<unknown> {
    return this.cache.get(`tasks:list:${JSON.stringify(criteria)}`);
  }

  async set(criteria: ListCriteria, value: unknown): Promise<void> {
    await this.cache.set(`tasks:list:${JSON.stringify(criteria)}`, value, this.ttlSeconds);
  }

  /** Every list cached so far becomes a miss. */
  async invalidateAll(): Promise<void> {
    // TODO
  }
}

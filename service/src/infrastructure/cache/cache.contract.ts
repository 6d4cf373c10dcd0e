import { beforeEach, describe, expect, it } from 'vitest';
import type { Cache } from '../../application/ports/cache.port.js';

/** One suite for both cache adapters. `fresh` returns an empty cache; `expire` makes TTLs pass. */
export function cacheContract(name: string, fresh: () => Promise<{ cache: Cache; expire: (seconds: number) => Promise<void> }>): void {
  describe(`Cache contract: ${name}`, () => {
    let cache: Cache;
    let expire: (seconds: number) => Promise<void>;
    beforeEach(async () => {
      ({ cache, expire } = await fresh());
    });

    it('returns undefined on a miss and the JSON value on a hit', async () => {
      expect(await cache.get('task:1')).toBeUndefined();
      await cache.set('task:1', { title: 'x', at: new Date('2026-01-01T00:00:00Z'), n: 1, none: null }, 60);
      // Dates come back as strings in both adapters: readers must validate, not trust.
      expect(await cache.get('task:1')).toEqual({ title: 'x', at: '2026-01-01T00:00:00.000Z', n: 1, none: null });
    });

    it('forgets a value after its TTL', async () => {
      await cache.set('short', 'v', 1);
      await expire(1.2);
      expect(await cache.get('short')).toBeUndefined();
    });

    it('del() removes one key and delByPrefix() every key with the prefix', async () => {
      await cache.set('task:1', 1, 60);
      await cache.set('task:2', 2, 60);
      await cache.set('tasks:list:a', 3, 60);
      await cache.set('user:1', 4, 60);
      await cache.del('task:1');
      expect(await cache.get('task:1')).toBeUndefined();
      await cache.delByPrefix?.('tasks:');
      expect(await cache.get('tasks:list:a')).toBeUndefined();
      expect(await cache.get('task:2')).toBe(2);
      expect(await cache.get('user:1')).toBe(4);
    });

    it('rejects a TTL that is not positive', async () => {
      await expect(cache.set('k', 1, 0)).rejects.toThrow(/TTL must be a positive/);
    });

    it('answers ping()', async () => {
      await expect(cache.ping?.()).resolves.toBeUndefined();
    });
  });
}

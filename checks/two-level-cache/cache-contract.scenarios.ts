import { expect } from 'vitest';
import type { Cache } from '../src/application/ports/cache.port.js';

/** A cache under test and a way to make time pass for it. */
export interface Level {
  cache: Cache;
  expire: (seconds: number) => Promise<void>;
}

/**
 * The scenarios of src/infrastructure/cache/cache.contract.ts, one function each, so the check file
 * can run them under names that say which far level failed.
 */
export const contract = {
  async missThenHit({ cache }: Level) {
    expect(await cache.get('task:1')).toBeUndefined();
    await cache.set('task:1', { title: 'x', at: new Date('2026-01-01T00:00:00Z'), n: 1, none: null }, 60);
    // Dates come back as strings in both adapters: readers must validate, not trust.
    expect(await cache.get('task:1')).toEqual({ title: 'x', at: '2026-01-01T00:00:00.000Z', n: 1, none: null });
  },
  async forgetsAfterTtl({ cache, expire }: Level) {
    await cache.set('short', 'v', 1);
    await expire(1.2);
    expect(await cache.get('short'), 'a value set for 1 s, 1.2 s later').toBeUndefined();
  },
  async deletes({ cache }: Level) {
    await cache.set('task:1', 1, 60);
    await cache.set('task:2', 2, 60);
    await cache.set('tasks:list:a', 3, 60);
    await cache.set('user:1', 4, 60);
    expect(await cache.get('tasks:list:a'), 'read once, so L1 holds it too').toBe(3);
    await cache.del('task:1');
    expect(await cache.get('task:1'), 'after del(task:1)').toBeUndefined();
    await cache.delByPrefix?.('tasks:');
    expect(await cache.get('tasks:list:a'), "after delByPrefix('tasks:')").toBeUndefined();
    expect(await cache.get('task:2')).toBe(2);
    expect(await cache.get('user:1')).toBe(4);
  },
  async rejectsBadTtl({ cache }: Level) {
    await expect(cache.set('k', 1, 0)).rejects.toThrow(/TTL must be a positive/);
  },
  async pings({ cache }: Level) {
    await expect(cache.ping?.()).resolves.toBeUndefined();
  },
};

import { expect } from 'vitest';
import type { Cache } from '../src/application/ports/cache.port.js';
import { SingleFlightCache } from '../src/infrastructure/cache/single-flight.cache.js';

/** A load the check finishes by hand, counting how often it started. */
function gate<T>() {
  let starts = 0;
  let release!: (v: T) => void;
  let fail!: (e: Error) => void;
  let promise = new Promise<T>((res, rej) => { release = res; fail = rej; });
  const load = () => {
    starts += 1;
    return promise;
  };
  return {
    load,
    get starts() { return starts; },
    release: (v: T) => release(v),
    fail: (e: Error) => fail(e),
    reset() { promise = new Promise<T>((res, rej) => { release = res; fail = rej; }); },
  };
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Waits until `ready()` holds (the cache answered and a load started), then a little longer for stragglers. */
async function settle(ready: () => boolean = () => true): Promise<void> {
  for (let waited = 0; !ready() && waited < 5000; waited += 10) await sleep(10);
  await sleep(100);
}

export function makeScenarios(fresh: () => Promise<Cache>) {
  return {
    async concurrentMissesLoadOnce() {
      const cache = await fresh();
      const sf = new SingleFlightCache(cache, 60);
      const g = gate<{ rows: number }>();
      const callers = Array.from({ length: 50 }, () => sf.getOrLoad('tasks:list:all', g.load));
      await settle(() => g.starts > 0);
      expect(g.starts, 'loads started by 50 concurrent misses for one key').toBe(1);
      g.release({ rows: 42 });
      const results = await Promise.all(callers);
      expect(results.every((r) => JSON.stringify(r) === '{"rows":42}'), 'every caller receives the loaded value').toBe(true);
      expect(await cache.get('tasks:list:all'), 'the value is cached').toEqual({ rows: 42 });
      expect(sf.inFlight(), 'nothing is in flight once the load is done').toBe(0);
    },
    async hitSkipsLoad() {
      const cache = await fresh();
      const sf = new SingleFlightCache(cache, 60);
      await cache.set('k', 'cached value', 60);
      let loads = 0;
      expect(await sf.getOrLoad('k', async () => { loads += 1; return 'fresh'; })).toBe('cached value');
      expect(loads).toBe(0);
    },
    async falsyHitsSkipLoad() {
      const cache = await fresh();
      const sf = new SingleFlightCache(cache, 60);
      for (const [key, value] of [['zero', 0], ['empty', ''], ['no', false], ['nothing', null]] as const) {
        await cache.set(key, value, 60);
        let loads = 0;
        expect(await sf.getOrLoad(key, async () => { loads += 1; return 'fresh'; }), `cached ${JSON.stringify(value)}`).toBe(value);
        expect(loads, `loads for a cached ${JSON.stringify(value)} (only undefined is a miss)`).toBe(0);
      }
    },
    async keysAreIndependent() {
      const cache = await fresh();
      const sf = new SingleFlightCache(cache, 60);
      const a = gate<string>();
      const b = gate<string>();
      const pa = sf.getOrLoad('a', a.load);
      const pb = sf.getOrLoad('b', b.load);
      await settle(() => a.starts > 0 && b.starts > 0);
      expect([a.starts, b.starts], 'both keys start loading without waiting for each other').toEqual([1, 1]);
      expect(sf.inFlight()).toBe(2);
      b.release('B');
      expect(await pb).toBe('B');
      a.release('A');
      expect(await pa).toBe('A');
    },
    async failureSharedNotRemembered() {
      const cache = await fresh();
      const sf = new SingleFlightCache(cache, 60);
      const g = gate<string>();
      const callers = Array.from({ length: 10 }, () => sf.getOrLoad('k', g.load).then(() => 'resolved', (e: Error) => e.message));
      await settle(() => g.starts > 0);
      g.fail(new Error('database timeout'));
      expect(new Set(await Promise.all(callers)), 'every waiting caller gets the same error').toEqual(new Set(['database timeout']));
      expect(sf.inFlight(), 'a failed load must not stay in flight').toBe(0);
      expect(await cache.get('k'), 'nothing is cached after a failure').toBeUndefined();
      g.reset();
      const retry = sf.getOrLoad('k', g.load);
      await settle(() => g.starts > 1);
      g.release('second time lucky');
      expect(await retry, 'the next call loads again').toBe('second time lucky');
      expect(g.starts).toBe(2);
    },
  };
}

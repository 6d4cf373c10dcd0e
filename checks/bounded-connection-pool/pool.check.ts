import { expect, it } from 'vitest';
import { ConnectionPool, PoolTimeoutError } from '../src/infrastructure/persistence/connection-pool.js';

interface Conn { id: number }
function setup(max = 2, acquireTimeoutMs = 200) {
  let next = 0;
  let open = 0;
  let peak = 0;
  const destroyed: number[] = [];
  const pool = new ConnectionPool<Conn>({
    create: async () => {
      await new Promise((r) => setTimeout(r, 5));
      open += 1;
      peak = Math.max(peak, open);
      return { id: ++next };
    },
    destroy: async (c) => { open -= 1; destroyed.push(c.id); },
    max,
    acquireTimeoutMs,
  });
  return { pool, destroyed, created: () => next, peak: () => peak };
}
const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));

it('a released connection is reused instead of creating a new one', async () => {
  const s = setup();
  const a = await s.pool.acquire();
  s.pool.release(a);
  const b = await s.pool.acquire();
  expect(b, 'the same connection comes back').toBe(a);
  expect(s.created()).toBe(1);
  expect(s.pool.stats()).toEqual({ size: 1, idle: 0, waiting: 0 });
});

it('never more than max connections exist, even with many simultaneous callers', async () => {
  const s = setup(3, 2000);
  const holders = Array.from({ length: 10 }, async () => {
    const c = await s.pool.acquire();
    await tick(10);
    s.pool.release(c);
  });
  await Promise.all(holders);
  expect(s.created(), 'connections created for 10 callers with max 3').toBeLessThanOrEqual(3);
  expect(s.peak()).toBeLessThanOrEqual(3);
  expect(s.pool.stats()).toMatchObject({ size: s.created(), waiting: 0 });
});

it('when all connections are busy, callers wait and are served first come, first served', async () => {
  const s = setup(1, 2000);
  const only = await s.pool.acquire();
  const order: string[] = [];
  const waiters = ['first', 'second', 'third'].map((name) => s.pool.acquire().then((c) => { order.push(name); return c; }));
  await tick();
  expect(s.pool.stats()).toEqual({ size: 1, idle: 0, waiting: 3 });
  s.pool.release(only);
  const c1 = await waiters[0]!;
  s.pool.release(c1);
  const c2 = await waiters[1]!;
  s.pool.release(c2);
  await waiters[2];
  expect(order).toEqual(['first', 'second', 'third']);
});

it('a waiter times out with PoolTimeoutError and leaves the line: the next release goes to the next caller', async () => {
  const s = setup(1, 100);
  const held = await s.pool.acquire();
  const timedOut = s.pool.acquire().then(() => 'got one', (e: unknown) => e);
  await tick(150);
  expect(await timedOut).toBeInstanceOf(PoolTimeoutError);
  expect(s.pool.stats().waiting, 'the timed-out caller must leave the queue').toBe(0);
  const later = s.pool.acquire();
  s.pool.release(held);
  expect(await later, 'the connection goes to the caller still waiting').toBe(held);
});

it('a broken connection is destroyed and its slot reused for a fresh one, also for a waiter', async () => {
  const s = setup(1, 2000);
  const a = await s.pool.acquire();
  const waiting = s.pool.acquire();
  await tick();
  s.pool.release(a, { broken: true });
  const b = await waiting;
  expect(s.destroyed).toEqual([a.id]);
  expect(b).not.toBe(a);
  expect(s.pool.stats()).toEqual({ size: 1, idle: 0, waiting: 0 });
});

import { expect, it, vi } from 'vitest';
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

/** A pool whose create() answers at once, for checks that drive the clock with fake timers. */
function instantPool(max: number, acquireTimeoutMs: number) {
  let next = 0;
  const destroyed: number[] = [];
  const pool = new ConnectionPool<Conn>({
    create: async () => ({ id: ++next }),
    destroy: async (c) => { destroyed.push(c.id); },
    max,
    acquireTimeoutMs,
  });
  return { pool, destroyed, created: () => next };
}

// Timers only: the grader keeps the built-in Date locked (learner code may not replace it), and
// the instructions say the wait is timed with a timer.
const TIMERS = ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'performance'] as const;

it('a waiter that was served does not time out later, and its old timer does not push anyone else out of line', async () => {
  vi.useFakeTimers({ toFake: TIMERS });
  try {
    const s = instantPool(1, 100);
    const held = await s.pool.acquire();
    const first = s.pool.acquire();
    await vi.advanceTimersByTimeAsync(50);
    const second = s.pool.acquire().then((c) => c, (e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10); // t = 60
    s.pool.release(held);
    const c1 = await first;
    await vi.advanceTimersByTimeAsync(60); // t = 120: the first waiter's 100 ms have passed, the second's have not
    expect(s.pool.stats().waiting, 'the second caller is still in line at t = 120 ms').toBe(1);
    s.pool.release(c1);
    expect(await second, 'the second caller is served at t = 120 ms (its timeout is at 150 ms)').toBe(held);
  } finally {
    vi.useRealTimers();
  }
});

it('a waiter is rejected exactly when acquireTimeoutMs has passed, not before', async () => {
  vi.useFakeTimers({ toFake: TIMERS });
  try {
    const s = instantPool(1, 100);
    await s.pool.acquire();
    let outcome: unknown = 'still waiting';
    void s.pool.acquire().then((c) => { outcome = c; }, (e: unknown) => { outcome = e; });
    await vi.advanceTimersByTimeAsync(99);
    expect(outcome, 'at 99 ms of a 100 ms timeout').toBe('still waiting');
    await vi.advanceTimersByTimeAsync(1);
    expect(outcome, 'at 100 ms of a 100 ms timeout').toBeInstanceOf(PoolTimeoutError);
  } finally {
    vi.useRealTimers();
  }
});

it('a broken connection released with nobody waiting frees its slot: size drops and the next acquire creates a fresh one', async () => {
  const s = instantPool(1, 100);
  const a = await s.pool.acquire();
  s.pool.release(a, { broken: true });
  await Promise.resolve();
  expect(s.destroyed, 'destroy() must be called with the broken connection').toEqual([a.id]);
  expect(s.pool.stats()).toEqual({ size: 0, idle: 0, waiting: 0 });
  const b = await s.pool.acquire();
  expect(b.id, 'a fresh connection, not the broken one').toBe(2);
});

it('stats() counts a released connection as idle and still in existence', async () => {
  const s = instantPool(3, 100);
  const a = await s.pool.acquire();
  await s.pool.acquire();
  s.pool.release(a);
  expect(s.pool.stats()).toEqual({ size: 2, idle: 1, waiting: 0 });
});

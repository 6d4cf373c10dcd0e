import { describe, expect, it, vi } from 'vitest';
import { IdempotencyConflictError, IdempotencyStore, requestFingerprint, type StoredResponse } from '../src/api/idempotency.store.js';

const ok = (body: unknown): StoredResponse => ({ status: 201, body });
const fp = 'fingerprint-of-post-payments-100-eur';
const ana = 'u-ana';
const ben = 'u-ben';

describe('idempotency-key store', () => {
  it('runs the handler on the first use of a key and replays its response to a retry', async () => {
    const store = new IdempotencyStore({ ttlMs: 60_000 });
    const handler = vi.fn(async () => ok({ paymentId: 'p1' }));
    const first = await store.execute(ana, 'k1', fp, handler);
    const retry = await store.execute(ana, 'k1', fp, handler);
    expect(first).toEqual({ response: ok({ paymentId: 'p1' }), replayed: false });
    expect(retry).toEqual({ response: ok({ paymentId: 'p1' }), replayed: true });
    expect(handler, 'the handler must run once for a retried key').toHaveBeenCalledTimes(1);
  });

  it('runs the handler once when a duplicate arrives while the first request is still running', async () => {
    const store = new IdempotencyStore({ ttlMs: 60_000 });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const handler = vi.fn(async () => {
      await gate;
      return ok({ paymentId: 'p2' });
    });
    const both = Promise.all([store.execute(ana, 'k2', fp, handler), store.execute(ana, 'k2', fp, handler)]);
    both.catch(() => undefined); // reported by the await below, not as an unhandled rejection
    await new Promise((r) => setTimeout(r, 10));
    release();
    const [ra, rb] = await both;
    expect(handler, 'two concurrent requests with one key must charge once').toHaveBeenCalledTimes(1);
    expect(ra.response).toEqual(ok({ paymentId: 'p2' }));
    expect(rb.response).toEqual(ok({ paymentId: 'p2' }));
    expect([ra.replayed, rb.replayed].sort()).toEqual([false, true]);
  });

  it('rejects a key reused for a different request with IdempotencyConflictError, without running the handler', async () => {
    const store = new IdempotencyStore({ ttlMs: 60_000 });
    await store.execute(ana, 'k3', fp, async () => ok('first'));
    const other = 'fingerprint-of-post-payments-999-eur';
    const handler = vi.fn(async () => ok('second'));
    const attempt = store.execute(ana, 'k3', other, handler);
    await expect(attempt).rejects.toBeInstanceOf(IdempotencyConflictError);
    await expect(store.execute(ana, 'k3', other, handler)).rejects.toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED' });
    expect(handler).not.toHaveBeenCalled();
  });

  it('does not store a failure: the error propagates and a retry runs the handler again', async () => {
    const store = new IdempotencyStore({ ttlMs: 60_000 });
    await expect(store.execute(ana, 'k4', fp, async () => { throw new Error('bank down'); })).rejects.toThrow('bank down');
    const retry = await store.execute(ana, 'k4', fp, async () => ok('recovered'));
    expect(retry).toEqual({ response: ok('recovered'), replayed: false });
  });

  it('forgets a key once its time to live has passed', async () => {
    let now = 1_000_000;
    const store = new IdempotencyStore({ ttlMs: 5_000, now: () => now });
    const handler = vi.fn(async () => ok(now));
    await store.execute(ana, 'k5', fp, handler);
    now += 4_999;
    expect((await store.execute(ana, 'k5', fp, handler)).replayed).toBe(true);
    now += 2;
    const after = await store.execute(ana, 'k5', fp, handler);
    expect(after.replayed, 'after ttlMs the key is new again').toBe(false);
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it('forgets a key exactly ttlMs after its first use; replays do not extend its life', async () => {
    let now = 1_000_000;
    const store = new IdempotencyStore({ ttlMs: 5_000, now: () => now });
    const handler = vi.fn(async () => ok('charged'));
    await store.execute(ana, 'k6', fp, handler);
    now += 4_000;
    expect((await store.execute(ana, 'k6', fp, handler)).replayed, '4 s after the first use').toBe(true);
    now += 1_000;
    expect((await store.execute(ana, 'k6', fp, handler)).replayed, 'exactly ttlMs after the first use (a replay at 4 s does not restart the clock)').toBe(false);
  });

  it('refuses a different request with a key whose first use is still running (KEY_REUSED), without running its handler', async () => {
    const store = new IdempotencyStore({ ttlMs: 60_000 });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = store.execute(ana, 'k7', fp, async () => { await gate; return ok('first'); });
    const handler = vi.fn(async () => ok('second'));
    const second = store.execute(ana, 'k7', 'fingerprint-of-another-request', handler);
    second.catch(() => undefined);
    await new Promise((r) => setTimeout(r, 10));
    release();
    await expect(second).rejects.toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED' });
    expect(handler).not.toHaveBeenCalled();
    expect((await first).response).toEqual(ok('first'));
  });

  it('rejects an empty key with a RangeError', async () => {
    const store = new IdempotencyStore({ ttlMs: 1_000 });
    await expect(store.execute(ana, '', fp, async () => ok(1))).rejects.toBeInstanceOf(RangeError);
  });

  it('fingerprints requests independently of object key order but sensitive to every value', () => {
    const a = requestFingerprint('POST', '/payments', { amount: 100, meta: { a: 1, b: [1, 2] }, currency: 'EUR' });
    const b = requestFingerprint('POST', '/payments', { currency: 'EUR', meta: { b: [1, 2], a: 1 }, amount: 100 });
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).toBe(b);
    expect(requestFingerprint('POST', '/payments', { amount: 100, meta: { a: 1, b: [2, 1] }, currency: 'EUR' })).not.toBe(a);
    expect(requestFingerprint('POST', '/refunds', { amount: 100, meta: { a: 1, b: [1, 2] }, currency: 'EUR' })).not.toBe(a);
    expect(requestFingerprint('POST', '/payments', { amount: 100, meta: { a: 2, b: [1, 2] }, currency: 'EUR' })).not.toBe(a);
  });

  it('fingerprints depend on the method, on value types and on key names', () => {
    const body = { amount: 100, items: [{ sku: 'a', qty: 1 }] };
    const a = requestFingerprint('POST', '/payments', body);
    expect(requestFingerprint('PUT', '/payments', body), 'another method').not.toBe(a);
    expect(requestFingerprint('POST', '/payments', { amount: '100', items: [{ sku: 'a', qty: 1 }] }), 'the string "100" is not the number 100').not.toBe(a);
    expect(requestFingerprint('POST', '/payments', { total: 100, items: [{ sku: 'a', qty: 1 }] }), 'same value under another name').not.toBe(a);
    expect(requestFingerprint('POST', '/payments', { items: [{ qty: 1, sku: 'a' }], amount: 100 }), 'objects inside arrays: key order does not matter').toBe(a);
  });

  it('scopes keys per user: the same key from another user runs that user\'s handler and never replays the first user\'s response', async () => {
    const store = new IdempotencyStore({ ttlMs: 60_000 });
    const anaPays = vi.fn(async () => ok({ paymentId: 'ana-1' }));
    const benPays = vi.fn(async () => ok({ paymentId: 'ben-1' }));
    await store.execute(ana, 'order-1', fp, anaPays);
    const forBen = await store.execute(ben, 'order-1', fp, benPays);
    expect(forBen, 'Ben must get his own result, not Ana\'s stored response').toEqual({ response: ok({ paymentId: 'ben-1' }), replayed: false });
    expect(benPays).toHaveBeenCalledTimes(1);
    expect((await store.execute(ana, 'order-1', fp, anaPays)).response, 'Ana still replays her own').toEqual(ok({ paymentId: 'ana-1' }));
    expect(anaPays).toHaveBeenCalledTimes(1);
  });

  it('a key another user already used is not a conflict, even with a different request', async () => {
    const store = new IdempotencyStore({ ttlMs: 60_000 });
    await store.execute(ana, 'k8', fp, async () => ok('ana'));
    const forBen = await store.execute(ben, 'k8', 'fingerprint-of-a-different-request', async () => ok('ben'));
    expect(forBen).toEqual({ response: ok('ben'), replayed: false });
  });

  it('scopes cannot collide: user a:b with key c and user a with key b:c are different', async () => {
    const store = new IdempotencyStore({ ttlMs: 60_000 });
    await store.execute('a:b', 'c', fp, async () => ok('first user'));
    const other = vi.fn(async () => ok('second user'));
    const result = await store.execute('a', 'b:c', fp, other);
    expect(result, 'a different (user, key) pair must run its own handler').toEqual({ response: ok('second user'), replayed: false });
    expect(other).toHaveBeenCalledTimes(1);
  });

  it('rejects an empty user id with a RangeError, without running the handler', async () => {
    const store = new IdempotencyStore({ ttlMs: 1_000 });
    const handler = vi.fn(async () => ok(1));
    await expect(store.execute('', 'k9', fp, handler)).rejects.toBeInstanceOf(RangeError);
    expect(handler).not.toHaveBeenCalled();
  });
});

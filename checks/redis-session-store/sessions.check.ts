import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RedisSessionStore } from '../src/infrastructure/sessions/redis-session.store.js';
import { redisPrefix, redisUrl } from './fixtures.js';

let redis: Redis;
let run = 0;
beforeAll(() => {
  redis = new Redis(redisUrl(), { maxRetriesPerRequest: 1 });
});
afterAll(async () => {
  await redis.quit();
});

class ManualClock {
  t = Date.parse('2026-03-02T09:00:00.000Z');
  now() { return new Date(this.t); }
}
const alice = { id: 'u-alice', role: 'MEMBER' as const };
const bob = { id: 'u-bob', role: 'MENTOR' as const };

function setup(idleTtlSeconds = 1800) {
  const prefix = `${redisPrefix()}:sess-${++run}:`;
  const clock = new ManualClock();
  return { prefix, clock, store: new RedisSessionStore(redis, { prefix, idleTtlSeconds, clock }) };
}

it('create() stores the session under <prefix>session:<id> with an expiry of idleTtlSeconds', async () => {
  const { prefix, store } = setup(1800);
  const session = await store.create(alice);
  expect(session).toEqual({ id: session.id, userId: 'u-alice', role: 'MEMBER', createdAt: '2026-03-02T09:00:00.000Z', lastSeenAt: '2026-03-02T09:00:00.000Z' });
  expect(JSON.parse((await redis.get(`${prefix}session:${session.id}`)) ?? 'null'), 'value stored in Redis').toEqual(session);
  const ttl = await redis.ttl(`${prefix}session:${session.id}`);
  expect(ttl, 'TTL of the session key in seconds (-1: never expires)').toBeGreaterThan(1790);
  expect(ttl).toBeLessThanOrEqual(1800);
  expect(await store.get(session.id)).toEqual(session);
});

it('session ids are URL-safe, long and random: not derived from the user or the time', async () => {
  const { store } = setup();
  const ids = await Promise.all(Array.from({ length: 40 }, () => store.create(alice).then((s) => s.id)));
  expect(new Set(ids).size, 'ids must be unique').toBe(40);
  for (const id of ids) {
    expect(id, 'URL-safe characters only').toMatch(/^[A-Za-z0-9_-]+$/);
    expect(id.length, 'at least 128 bits of randomness needs at least 22 base64url characters').toBeGreaterThanOrEqual(22);
    expect(id, 'the id must not contain the user id').not.toContain('alice');
  }
  // Random ids share almost no prefix; ids built from a counter or clock do.
  const common = (a: string, b: string) => { let i = 0; while (i < a.length && a[i] === b[i]) i++; return i; };
  const longest = Math.max(...ids.slice(1).map((id, i) => common(id, ids[i]!)));
  expect(longest, 'longest prefix two consecutive ids share (random ids share 0–3 characters)').toBeLessThan(6);
});

it('get() returns null for an unknown id and for a stored value that is not a valid session', async () => {
  const { prefix, store } = setup();
  expect(await store.get('no-such-session')).toBeNull();
  await redis.set(`${prefix}session:tampered`, JSON.stringify({ id: 'tampered', userId: 'u-eve', role: 'SUPERUSER' }), 'EX', 60);
  expect(await store.get('tampered'), 'a value that does not match the session schema').toBeNull();
  await redis.set(`${prefix}session:garbage`, 'not json', 'EX', 60);
  expect(await store.get('garbage')).toBeNull();
});

it('touch() moves lastSeenAt to now and restarts the expiry', async () => {
  const { prefix, clock, store } = setup(1800);
  const session = await store.create(alice);
  await redis.expire(`${prefix}session:${session.id}`, 10); // as if it had been idle for a while
  clock.t += 60_000;
  const touched = await store.touch(session.id);
  expect(touched?.lastSeenAt).toBe('2026-03-02T09:01:00.000Z');
  expect(touched?.createdAt, 'createdAt does not change').toBe(session.createdAt);
  expect(await redis.ttl(`${prefix}session:${session.id}`), 'TTL after touch').toBeGreaterThan(1790);
  expect((await store.get(session.id))?.lastSeenAt).toBe('2026-03-02T09:01:00.000Z');
});

it('an idle session really expires, and touch() does not bring it back', async () => {
  const { store } = setup(1);
  const session = await store.create(alice);
  await new Promise((r) => setTimeout(r, 1300));
  expect(await store.get(session.id), 'get() after the idle timeout').toBeNull();
  expect(await store.touch(session.id), 'touch() of an expired session').toBeNull();
  expect(await store.get(session.id), 'an expired session must stay gone').toBeNull();
});

it('revoke() ends one session; touch() cannot resurrect it; the user’s other sessions live on', async () => {
  const { store } = setup();
  const [one, two] = [await store.create(alice), await store.create(alice)];
  await store.revoke(one.id);
  expect(await store.get(one.id)).toBeNull();
  expect(await store.touch(one.id)).toBeNull();
  expect(await store.get(one.id)).toBeNull();
  expect(await store.get(two.id)).not.toBeNull();
});

it("revokeAllForUser() ends every session of that user, returns how many, and leaves other users' sessions", async () => {
  const { store } = setup();
  const alices = [await store.create(alice), await store.create(alice), await store.create(alice)];
  const bobs = await store.create(bob);
  expect(await store.revokeAllForUser('u-alice')).toBe(3);
  for (const s of alices) expect(await store.get(s.id)).toBeNull();
  expect(await store.get(bobs.id)).toEqual(bobs);
  expect(await store.revokeAllForUser('u-alice'), 'a second call has nothing left to revoke').toBe(0);
});

it('get() does not extend the session: its expiry keeps running', async () => {
  const { prefix, store } = setup(1800);
  const session = await store.create(alice);
  await redis.expire(`${prefix}session:${session.id}`, 10); // as if it had been idle for a while
  expect(await store.get(session.id)).toEqual(session);
  expect(await redis.ttl(`${prefix}session:${session.id}`), 'TTL after get() (it must not be reset)').toBeLessThanOrEqual(10);
});

it("revokeAllForUser() counts only the sessions that still existed (one that expired is not counted)", async () => {
  const { prefix, store } = setup();
  const [gone, live] = [await store.create(alice), await store.create(alice)];
  await redis.del(`${prefix}session:${gone.id}`); // what expiry does: the key vanishes, the user's set keeps the id
  expect(await store.revokeAllForUser('u-alice')).toBe(1);
  expect(await store.get(live.id)).toBeNull();
});

it('session ids carry at least 128 random bits: over 1000 ids, the characters that vary carry >= 128 bits', async () => {
  const { store } = setup();
  const ids: string[] = [];
  for (let batch = 0; batch < 10; batch++) ids.push(...(await Promise.all(Array.from({ length: 100 }, () => store.create(bob).then((s) => s.id)))));
  // Per position, log2 of how many different characters appear: a fixed character adds nothing
  // (a UUID's version digit), a hex digit adds 4 bits, a base64url character 6.
  let bits = 0;
  for (let i = 0; i < Math.max(...ids.map((id) => id.length)); i++) {
    bits += Math.log2(new Set(ids.map((id) => id[i] ?? '')).size);
  }
  expect(Math.round(bits), `estimated random bits in an id like "${ids[0]}"`).toBeGreaterThanOrEqual(128);
});

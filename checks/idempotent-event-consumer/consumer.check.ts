import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { IdempotentConsumer } from '../src/infrastructure/queue/idempotent-consumer.js';
import { redisPrefix, redisUrl } from './fixtures.js';

let redis: Redis;
let run = 0;
beforeAll(() => {
  redis = new Redis(redisUrl(), { maxRetriesPerRequest: 1 });
});
afterAll(async () => {
  await redis.quit();
});
function setup(options: { processingTtlMs?: number; retentionMs?: number } = {}) {
  const prefix = `${redisPrefix()}:idem-${++run}:`;
  return { prefix, consumer: new IdempotentConsumer(redis, { prefix, processingTtlMs: options.processingTtlMs ?? 30_000, retentionMs: options.retentionMs ?? 86_400_000 }) };
}

it('the first delivery runs the work; a later copy of the same id is a duplicate and does not', async () => {
  const { consumer } = setup();
  let runs = 0;
  const work = async () => { runs += 1; };
  expect(await consumer.handle('evt-1', work)).toBe('processed');
  expect(await consumer.handle('evt-1', work)).toBe('duplicate');
  expect(await consumer.handle('evt-2', work), 'another id is another message').toBe('processed');
  expect(runs).toBe(2);
});

it('20 copies delivered at the same moment run the work exactly once', async () => {
  const { consumer } = setup();
  let runs = 0;
  const work = async () => { runs += 1; await new Promise((r) => setTimeout(r, 30)); };
  const outcomes = await Promise.all(Array.from({ length: 20 }, () => consumer.handle('evt-burst', work)));
  expect(runs, 'times the work ran for 20 simultaneous copies').toBe(1);
  expect(outcomes.filter((o) => o === 'processed')).toHaveLength(1);
  expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(19);
});

it('copies delivered at once to two consumers on separate Redis connections (two processes) run the work exactly once', async () => {
  const { prefix } = setup();
  const other = new Redis(redisUrl(), { maxRetriesPerRequest: 1 }); // a second process has its own connection
  try {
    await Promise.all([redis.ping(), other.ping()]); // both connected, so neither queues its commands behind the other
    const consumers = [new IdempotentConsumer(redis, { prefix, processingTtlMs: 30_000, retentionMs: 86_400_000 }), new IdempotentConsumer(other, { prefix, processingTtlMs: 30_000, retentionMs: 86_400_000 })];
    let runs = 0;
    const work = async () => { runs += 1; await new Promise((r) => setTimeout(r, 30)); };
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => consumers[i % 2]!.handle('evt-shared', work)));
    expect(runs, 'times the work ran for 10 copies spread over two consumers (a lock in one process does not see the other)').toBe(1);
    expect(outcomes.filter((o) => o === 'processed')).toHaveLength(1);
  } finally {
    await other.quit();
  }
});

it('a failed attempt rethrows and releases the id, so the redelivery runs the work again', async () => {
  const { consumer } = setup();
  let runs = 0;
  const flaky = async () => { runs += 1; if (runs === 1) throw new Error('downstream 503'); };
  await expect(consumer.handle('evt-3', flaky)).rejects.toThrow('downstream 503');
  expect(await consumer.handle('evt-3', flaky), 'the redelivery after a failure').toBe('processed');
  expect(await consumer.handle('evt-3', flaky)).toBe('duplicate');
  expect(runs).toBe(2);
});

it('state lives in Redis under <prefix>msg:<id> and expires: retentionMs once handled, processingTtlMs while claimed', async () => {
  const { prefix, consumer } = setup({ processingTtlMs: 5_000, retentionMs: 60_000 });
  let ttlWhileWorking = -3;
  await consumer.handle('evt-4', async () => { ttlWhileWorking = await redis.pttl(`${prefix}msg:evt-4`); });
  expect(ttlWhileWorking, 'PTTL of the claim while the work runs (-1: never expires)').toBeGreaterThan(0);
  expect(ttlWhileWorking).toBeLessThanOrEqual(5_000);
  const ttl = await redis.pttl(`${prefix}msg:evt-4`);
  expect(ttl, 'PTTL once handled').toBeGreaterThan(5_000);
  expect(ttl).toBeLessThanOrEqual(60_000);
});

it('a claim left by a consumer that died mid-work expires, and the message is processed again', async () => {
  const { consumer } = setup({ processingTtlMs: 200 });
  let runs = 0;
  void consumer.handle('evt-5', () => new Promise<void>(() => { runs += 1; })); // never finishes: a crash
  await new Promise((r) => setTimeout(r, 50));
  expect(await consumer.handle('evt-5', async () => { runs += 1; }), 'while the first claim is alive').toBe('duplicate');
  await new Promise((r) => setTimeout(r, 300));
  expect(await consumer.handle('evt-5', async () => { runs += 1; }), 'after processingTtlMs').toBe('processed');
  expect(runs).toBe(2);
});

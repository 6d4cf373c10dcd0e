import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { http, signUp, startService, TEST_JWT_SECRET, type RunningService, type TestUser } from './fixtures/e2e.js';
import { connectTestRedis, createTestDatabase, deleteKeysUnder, REDIS_TEST_URL, uniquePrefix } from './fixtures/infrastructure.js';
import { TcpProxy } from './fixtures/tcp-proxy.js';

// PostgreSQL and Redis are reached through proxies the test can cut, to see how the service
// behaves when a dependency disappears: it must say so (503) quickly and recover by itself.
const postgresProxy = new TcpProxy(5432);
const redisProxy = new TcpProxy(Number(new URL(REDIS_TEST_URL).port || 6379));
const prefix = uniquePrefix('resilience');
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let service: RunningService;
let user: TestUser;

beforeAll(async () => {
  database = await createTestDatabase('resilience');
  const viaProxy = new URL(database.url);
  viaProxy.port = String(await postgresProxy.start());
  const redisUrl = new URL(REDIS_TEST_URL);
  redisUrl.port = String(await redisProxy.start());
  service = await startService({ DATABASE_URL: viaProxy.toString(), REDIS_URL: redisUrl.toString(), REDIS_PREFIX: prefix });
  user = await signUp(service, 'resilient');
});

afterAll(async () => {
  // Each step runs even if an earlier one failed, so a broken test never leaves a database behind.
  const steps: (() => Promise<unknown> | undefined)[] = [
    () => postgresProxy.start(),
    () => redisProxy.start(),
    () => service?.close(),
    () => postgresProxy.cut(),
    () => redisProxy.cut(),
    () => database?.drop(),
    async () => {
      const redis = await connectTestRedis();
      await deleteKeysUnder(redis, prefix);
      redis.disconnect();
    },
  ];
  for (const step of steps) await Promise.resolve().then(step).catch(() => undefined);
});

const api = (method: string, path: string, body?: unknown) =>
  http(service.url, method, path, { token: user.token, ...(body !== undefined && { body }) });

describe('when PostgreSQL goes away', () => {
  it('/health says the database is down, requests answer 503, and both recover when it returns', async () => {
    const task = (await api('POST', '/tasks', { title: 'Survive outages' })).body;
    await postgresProxy.cut();

    const health = await api('GET', '/health');
    expect(health.status).toBe(503);
    expect(health.body.status).toBe('unavailable');
    expect(health.body.checks.database.status).toBe('down');
    expect(health.body.checks.cache.status).toBe('up');

    const list = await api('GET', '/tasks');
    expect(list.status).toBe(503);
    expect(list.body).toMatchObject({ statusCode: 503, code: 'SERVICE.UNAVAILABLE' });
    expect((await api('POST', '/tasks', { title: 'During the outage' })).status).toBe(503);

    await postgresProxy.start();
    await expect.poll(async () => (await api('GET', '/health')).status, { timeout: 25_000, interval: 250 }).toBe(200);
    expect((await api('GET', `/tasks/${task.id}`)).status).toBe(200);
  });
});

describe('when Redis goes away', () => {
  it('/health says the cache is down, a cache-backed read answers 503, and both recover', async () => {
    const task = (await api('POST', '/tasks', { title: 'Cache outage' })).body;
    await redisProxy.cut();

    const health = await api('GET', '/health');
    expect(health.status).toBe(503);
    expect(health.body.checks.cache.status).toBe('down');
    expect(health.body.checks.queue.status, 'BullMQ shares the Redis server').toBe('down');
    expect(health.body.checks.database.status).toBe('up');

    const read = await api('GET', `/tasks/${task.id}`);
    expect(read.status).toBe(503);
    expect(read.body.code).toBe('SERVICE.UNAVAILABLE');

    await redisProxy.start();
    await expect.poll(async () => (await api('GET', '/health')).status, { timeout: 25_000, interval: 250 }).toBe(200);
    expect((await api('GET', `/tasks/${task.id}`)).status).toBe(200);
  });
});

describe('start-up with a URL that cannot be reached', () => {
  const unreachable = async (env: Record<string, string>) => {
    const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: TEST_JWT_SECRET, ...env });
    return createApp(config, { logger: false }).then(
      async (app) => {
        await app.close();
        return 'started';
      },
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
  };

  it('fails with a message naming PostgreSQL and the fix', async () => {
    const message = await unreachable({ DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:1/none' });
    expect(message).toMatch(/Cannot reach PostgreSQL at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/none/);
    expect(message).toMatch(/unset it to use the embedded PGlite/);
    expect(message).not.toContain('secret');
  });

  it('fails with a message naming Redis and the fix', async () => {
    const message = await unreachable({ REDIS_URL: 'redis://127.0.0.1:1' });
    expect(message).toMatch(/Cannot reach Redis at redis:\/\/127\.0\.0\.1:1/);
  });
});

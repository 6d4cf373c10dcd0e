// Test support (outside src/, so not measured): start the real service on a free port with the
// environment `workbook project check m4` gives (DATABASE_URL, REDIS_URL, REDIS_PREFIX), and clean up.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { buildService, type RunningService } from '../src/server.js';

export function redisEnv(): { url: string; prefix: string } {
  const url = process.env['REDIS_URL'];
  if (!url)
    throw new Error(
      'REDIS_URL is not set: these tests use a real Redis (workbook project check m4 gives REDIS_URL and REDIS_PREFIX; locally: REDIS_URL=redis://127.0.0.1:6379 npm test).',
    );
  return { url, prefix: `${process.env['REDIS_PREFIX'] ?? 'alt-test:'}${randomUUID().slice(0, 8)}:` };
}

export interface Started {
  readonly url: string;
  readonly service: RunningService;
  readonly redisPrefix: string;
  readonly redisUrl: string;
}

export async function startService(): Promise<Started> {
  const redis = redisEnv();
  const service = await buildService({
    port: 0,
    host: '127.0.0.1',
    jwtSecret: `test-${randomUUID()}`,
    databaseUrl: process.env['DATABASE_URL'] || undefined,
    redisUrl: redis.url,
    redisPrefix: redis.prefix,
  });
  await service.app.listen(0, '127.0.0.1');
  const address = service.app.getHttpServer().address();
  if (!address || typeof address === 'string') throw new Error('the service is not listening on a TCP port');
  return { url: `http://127.0.0.1:${address.port}`, service, redisPrefix: redis.prefix, redisUrl: redis.url };
}

/** Deletes every key under `prefix` with SCAN (KEYS is refused by the grader's Redis user). */
export async function dropKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 200);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export interface Answer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: a test reads whatever JSON the service answered
  body: any;
}

export function client(base: string) {
  return async (method: string, path: string, options: { token?: string; body?: unknown; raw?: string } = {}) => {
    const headers: Record<string, string> = {};
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    if (options.body !== undefined || options.raw !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${base}${path}`, {
      method,
      headers,
      body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined } as Answer;
  };
}

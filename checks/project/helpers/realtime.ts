// socket.io and Redis as the suites see them: a real socket.io client against the service, and
// the suite's own Redis connection to look at the run's key prefix (never the service's code).
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import { baseUrl } from './client.ts';

/** Connects with `token` in the handshake's auth; resolves connected, or rejects with the refusal. */
export function connectSocket(token: string | undefined): Promise<Socket> {
  const socket = io(baseUrl(), { auth: token === undefined ? {} : { token }, transports: ['websocket'], reconnection: false, timeout: 5000 });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Every event of `name` the socket receives from now on. */
export function collect(socket: Socket, name: string): Array<{ id?: string; status?: string }> {
  const seen: Array<{ id?: string; status?: string }> = [];
  socket.on(name, (payload: { id?: string; status?: string }) => seen.push(payload));
  return seen;
}

/** Waits until `test()` holds or `ms` pass; returns whether it held. */
export async function eventually(test: () => boolean | Promise<boolean>, ms = 5000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await test()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return test();
}

/** The suite's own connection to the run's Redis, and the prefix the service was told to use. */
export function runRedis(): { redis: Redis; prefix: string } {
  const url = process.env['PROJECT_REDIS_URL'];
  const prefix = process.env['PROJECT_REDIS_PREFIX'];
  if (!url || !prefix) throw new Error('PROJECT_REDIS_URL/PROJECT_REDIS_PREFIX are not set: run this suite through `workbook project check m2`.');
  return { redis: new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 1 }), prefix };
}

/** Keys of the run's prefix that match `pattern` (after the prefix). */
export async function keysUnder(redis: Redis, prefix: string, pattern = '*'): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}${pattern}`, 'COUNT', 500);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  return keys;
}

/** Asks the grader to restart the service (same database, same Redis); resolves once it answers again. */
export async function restartService(): Promise<void> {
  const control = process.env['PROJECT_CONTROL_URL'];
  if (!control) throw new Error('PROJECT_CONTROL_URL is not set: run this suite through `workbook project check`.');
  const answer = await fetch(`${control}/restart`, { method: 'POST', signal: AbortSignal.timeout(120_000) });
  if (answer.status !== 204) throw new Error(`The service did not start again after a restart: ${await answer.text()}`);
}

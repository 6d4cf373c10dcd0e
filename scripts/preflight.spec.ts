// npm test's preflight: one line per requirement, the fix for what is missing, stopped services started.
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listening, preflight, requirements, type Requirement } from './preflight.ts';

let server: Server;
let openPort = 0;
let closedPort = 0;

beforeAll(async () => {
  server = createServer((socket) => socket.end());
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  openPort = (server.address() as { port: number }).port;
  // A port that was free a moment ago: nothing listens there.
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  closedPort = (probe.address() as { port: number }).port;
  await new Promise((done) => probe.close(done));
});
afterAll(() => new Promise((done) => server.close(done)));

const fake = (over: Partial<Requirement>): Requirement => ({
  name: 'Thing',
  neededBy: 'the thing tests',
  stages: ['unit'],
  required: true,
  probe: async () => undefined,
  fix: { debian: 'sudo apt-get install -y thing', macos: 'brew install thing' },
  ...over,
});

describe('preflight', () => {
  it('tells a listening port from a closed one', async () => {
    expect(await listening(openPort)).toBe(true);
    expect(await listening(closedPort)).toBe(false);
  });

  it('names Redis and PostgreSQL missing on closed ports, with the Debian and macOS commands', async () => {
    const list = requirements({ redis: closedPort, postgres: closedPort }).filter((r) => r.name !== 'Chromium');
    const results = await preflight(list);
    const redis = results.find((r) => r.name === 'Redis')!;
    expect(redis.ok).toBe(false);
    expect(redis.line).toMatch(/^✖ Redis +missing, needed by service tests/);
    expect(redis.line).toContain('Debian: sudo apt-get install -y redis-server && redis-server --daemonize yes');
    expect(redis.line).toContain('macOS:  brew install redis && brew services start redis');
    const pg = results.find((r) => r.name === 'PostgreSQL')!;
    expect(pg.ok).toBe(false);
    expect(pg.line).toContain('brew services start postgresql');
  });

  it('reports a listening service on one line', async () => {
    const [redis] = await preflight(
      requirements({ redis: openPort, postgres: openPort }).filter((r) => r.name === 'Redis'),
    );
    expect(redis?.line).toBe(`✔ Redis       127.0.0.1:${openPort}`);
  });

  it('starts an installed but stopped service and says how', async () => {
    let running = false;
    const [result] = await preflight([
      fake({
        probe: async () => (running ? 'up' : undefined),
        start: () => {
          running = true;
          return 'thing --daemonize';
        },
      }),
    ]);
    expect(result).toMatchObject({ ok: true, line: '✔ Thing       up (was stopped; started with: thing --daemonize)' });
  });

  it('marks an optional tool with "!" rather than as a failure', async () => {
    const [result] = await preflight([fake({ required: false })]);
    expect(result?.ok).toBe(false);
    expect(result?.required).toBe(false);
    expect(result?.line.startsWith('! Thing')).toBe(true);
  });
});

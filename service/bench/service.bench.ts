/**
 * `npm run bench:service`: starts the service as its own process on loopback and drives it with
 * autocannon under a bounded load (10 connections, fixed request counts or 5-second runs), once
 * on the embedded defaults (PGlite, in-memory cache) and once on PostgreSQL + Redis + BullMQ.
 * Prints p50/p99 latency and requests per second per scenario. Nothing is asserted: it measures.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import autocannon, { type Result } from 'autocannon';
import pg from 'pg';
import { Redis } from 'ioredis';

const SERVICE_DIR = fileURLToPath(new URL('..', import.meta.url));
const CONNECTIONS = 10;
const TASKS = Number(process.env['BENCH_TASKS'] ?? 2000);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 5);
const POSTGRES_ADMIN_URL = process.env['BENCH_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env['BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

interface Setup {
  name: string;
  port: number;
  env: Record<string, string>;
  cleanup: () => Promise<void>;
}

async function startService(setup: Setup): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVICE_DIR,
    env: { ...process.env, NODE_ENV: 'production', PORT: String(setup.port), JWT_SECRET: randomBytes(24).toString('hex'), ...setup.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The service (${setup.name}) exited during start-up:\n${stderr}`);
    const health = await fetch(`http://127.0.0.1:${setup.port}/health`).catch(() => undefined);
    if (health?.ok) return child;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`The service (${setup.name}) did not answer /health within 120 s.`);
}

async function token(base: string): Promise<string> {
  const credentials = { email: `bench-${Date.now()}@example.com`, password: 'bench password' };
  const post = (path: string, body: object) =>
    fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await post('/auth/register', { ...credentials, name: 'Bench' });
  const login = await post('/auth/login', credentials);
  return ((await login.json()) as { accessToken: string }).accessToken;
}

type Row = { scenario: string; p50: number; p99: number; rps: number; requests: number; failures: number };

function row(scenario: string, result: Result): Row {
  return {
    scenario,
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: Math.round(result.requests.average),
    requests: result.requests.total,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

async function runScenarios(setup: Setup): Promise<Row[]> {
  const child = await startService(setup);
  const base = `http://127.0.0.1:${setup.port}`;
  try {
    const headers = { authorization: `Bearer ${await token(base)}`, 'content-type': 'application/json' };
    const ids: string[] = [];
    let next = 0;
    const rotate = (path: (id: string) => string) => (request: { path?: string }) => ({ ...request, path: path(ids[next++ % ids.length] ?? '') });

    const created = await autocannon({
      url: base, connections: CONNECTIONS, amount: TASKS, headers,
      requests: [{
        method: 'POST', path: '/tasks', body: JSON.stringify({ title: 'Benchmark task', description: 'Created under load' }),
        onResponse: (status, body) => { if (status === 201) ids.push((JSON.parse(body) as { id: string }).id); },
      }],
    });
    // Each id exactly once: nothing is cached yet, so every read goes to the database.
    next = 0;
    const uncached = await autocannon({ url: base, connections: CONNECTIONS, amount: ids.length, headers, requests: [{ setupRequest: rotate((id) => `/tasks/${id}`) }] });
    // Same ids again, within the 60-second TTL: every read is a cache hit.
    next = 0;
    const cached = await autocannon({ url: base, connections: CONNECTIONS, duration: SECONDS, headers, requests: [{ setupRequest: rotate((id) => `/tasks/${id}`) }] });
    let page = 0;
    const pages = await autocannon({
      url: base, connections: CONNECTIONS, duration: SECONDS, headers,
      requests: [{ setupRequest: (request) => ({ ...request, path: `/tasks?page=${(page++ % 50) + 1}&limit=20` }) }],
    });
    return [
      row('POST /tasks', created),
      row('GET /tasks/:id uncached', uncached),
      row('GET /tasks/:id cached', cached),
      row('GET /tasks?page&limit=20', pages),
    ];
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
    await setup.cleanup();
  }
}

async function postgresSetup(): Promise<Setup> {
  const name = `workbook_service_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect().catch((error: unknown) => {
    throw new Error(`Cannot reach PostgreSQL at ${POSTGRES_ADMIN_URL} for the benchmark: ${String(error)}`);
  });
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  const prefix = `bench:${randomBytes(4).toString('hex')}:`;
  return {
    name: 'PostgreSQL + Redis + BullMQ',
    port: 3592,
    env: { DATABASE_URL: url.toString(), REDIS_URL, REDIS_PREFIX: prefix },
    cleanup: async () => {
      const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
      const redis = new Redis(REDIS_URL);
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    },
  };
}

async function main(): Promise<void> {
  const only = process.argv[2]; // "pglite" or "postgres" to run one set-up
  const setups: (() => Promise<Setup>)[] = [];
  if (only !== 'postgres') setups.push(async () => ({ name: 'PGlite + in-memory cache', port: 3591, env: {}, cleanup: async () => undefined }));
  if (only !== 'pglite') setups.push(postgresSetup);
  console.log(`Bounded load: ${CONNECTIONS} connections; ${TASKS} creates and uncached reads; ${SECONDS} s for cached reads and pages.`);
  for (const make of setups) {
    const setup = await make();
    console.log(`\n${setup.name}`);
    console.table(await runScenarios(setup));
  }
  console.log('\nLatencies in ms. "failures" counts errors, timeouts and non-2xx answers.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

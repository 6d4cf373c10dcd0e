// The backing services every milestone gives an intern's service, each scoped to one check run
// (milestone 1 needs neither, but the reference starts 2–3 s sooner on PostgreSQL than on PGlite):
// - PostgreSQL: a new role (no superuser, CREATEDB, CREATEROLE or REPLICATION) and a database it
//   owns. The shared server trusts local connections, so the sandbox never reaches it directly: it
//   gets no PostgreSQL socket, and 127.0.0.1:5432 inside is relayed to the grader's guard
//   (sandbox/pg-bridge.ts), which lets a connection through only as that role to that database.
//   Dropped afterwards. Milestone 4 (`createDatabases`): the role may also CREATEDB, for tests that
//   make a database per file, and the guard lets it reach databases named `<its database>_…` too;
//   every database it owns is dropped afterwards.
// - Redis: a per-run ACL user limited to the run's key prefix (sandbox/redis-acl.ts) behind the
//   grader's guarded bridge (sandbox/redis-bridge.ts); the service is told REDIS_PREFIX. Keys and
//   user are deleted afterwards.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DEFAULT_REDIS_URL, deleteKeys, redisProblem } from '../redis.ts';
import { createRunUser, deleteRunUser, type RunUser } from '../sandbox/redis-acl.ts';
import { bridgePostgres, type PostgresBridge } from '../sandbox/pg-bridge.ts';
import { type Bridge, bridgeUnixToTcp } from '../sandbox/redis-bridge.ts';
import type { Backing } from './sandbox-args.ts';

const PG_ADMIN_URL = process.env['WORKBOOK_PG_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** At most this many PostgreSQL connections per run (its role's CONNECTION LIMIT). */
const ROLE_CONNECTIONS = { service: 25, m4: 50 };

export interface RunBacking extends Backing {
  /** The run's database, also the name of its role. */
  database: string;
  /** What the suite may use to look behind the contract (its own admin connections). */
  suiteEnv: Record<string, string>;
  close(): Promise<void>;
}

/** Creates the run's database, role and Redis user; rejects with what to start when one is down. */
export async function createBacking(
  redisUrl = DEFAULT_REDIS_URL,
  o: { createDatabases?: boolean } = {},
): Promise<RunBacking> {
  const id = `wb_capstone_${randomBytes(5).toString('hex')}`;
  const redisDown = await redisProblem(redisUrl);
  if (redisDown) throw new Error(redisDown);
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `This milestone needs PostgreSQL, but ${PG_ADMIN_URL} did not answer (${(error as Error).message}). Start it (pg_ctlcluster 15 main start) and check again.`,
    );
  }
  const createdb = o.createDatabases ? 'CREATEDB' : 'NOCREATEDB';
  // The server's connections (100 by default) are everyone's on the machine: a run takes at most
  // ROLE_CONNECTIONS (the reference's pool is 10; M4's tests open a few pools of their own).
  const limit = o.createDatabases ? ROLE_CONNECTIONS.m4 : ROLE_CONNECTIONS.service;
  await admin.query(
    `CREATE ROLE "${id}" LOGIN NOSUPERUSER ${createdb} NOCREATEROLE NOREPLICATION CONNECTION LIMIT ${limit}`,
  );
  await admin.query(`CREATE DATABASE "${id}" OWNER "${id}"`);
  await admin.end();

  const prefix = `${id}:`;
  const bridgeDir = mkdtempSync(join(tmpdir(), 'workbook-project-redis-'));
  const redisSocket = join(bridgeDir, 'redis.sock');
  const user: RunUser = await createRunUser(redisUrl, prefix, 'redis://127.0.0.1:6379', false);
  const target = new URL(redisUrl);
  const bridge: Bridge = await bridgeUnixToTcp(
    redisSocket,
    { host: target.hostname, port: Number(target.port || 6379) },
    () => ({ user: user.name, password: user.password, prefix }),
  );
  const pgTarget = new URL(PG_ADMIN_URL);
  const postgresSocket = join(bridgeDir, 'postgres.sock');
  const postgres: PostgresBridge = await bridgePostgres(
    postgresSocket,
    { host: pgTarget.hostname, port: Number(pgTarget.port || 5432) },
    { role: id, database: id, ...(o.createDatabases ? { databasePrefix: `${id}_` } : {}) },
  );
  const withCredentials = new URL(redisUrl);
  withCredentials.username = encodeURIComponent(user.name);
  withCredentials.password = encodeURIComponent(user.password);

  return {
    database: id,
    mounts: [],
    redisSocket,
    postgresSocket,
    env: (bubblewrap) => ({
      DATABASE_URL: bubblewrap
        ? `postgresql://${id}@127.0.0.1:5432/${id}`
        : `postgresql://${id}@${pgTarget.hostname}:${pgTarget.port || 5432}/${id}`,
      REDIS_URL: bubblewrap ? 'redis://127.0.0.1:6379' : withCredentials.toString(),
      REDIS_PREFIX: prefix,
    }),
    suiteEnv: { PROJECT_REDIS_URL: redisUrl, PROJECT_REDIS_PREFIX: prefix, PROJECT_DATABASE: id },
    close: async () => {
      await bridge.close();
      await postgres.close();
      await deleteRunUser(redisUrl, user);
      await deleteKeys(redisUrl, prefix);
      rmSync(bridgeDir, { recursive: true, force: true });
      const cleanup = new pg.Client({ connectionString: PG_ADMIN_URL });
      await cleanup.connect();
      const owned = await cleanup.query<{ datname: string }>(
        'SELECT datname FROM pg_database WHERE datdba = (SELECT oid FROM pg_roles WHERE rolname = $1)',
        [id],
      );
      for (const { datname } of owned.rows)
        await cleanup.query(`DROP DATABASE IF EXISTS "${datname.replaceAll('"', '""')}" WITH (FORCE)`);
      await cleanup.query(`DROP DATABASE IF EXISTS "${id}" WITH (FORCE)`);
      await cleanup.query(`DROP ROLE IF EXISTS "${id}"`);
      await cleanup.end();
    },
  };
}

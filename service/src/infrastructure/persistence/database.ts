import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../../generated/prisma/client.js';

export { PrismaClient };

/** The committed migrations: `prisma/migrations/<timestamp>_<name>/migration.sql`. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../prisma/migrations/', import.meta.url));

/**
 * Anything that can run SQL: a PGlite instance as is, or `pgExecutor(client)` for PostgreSQL.
 * `exec` must accept several statements at once (migrations are whole files).
 */
export interface SqlExecutor {
  exec(sql: string): Promise<unknown>;
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

/** An embedded PostgreSQL (WebAssembly): in memory without `dataDir`, persisted with one. */
export async function openPglite(dataDir?: string): Promise<PGlite> {
  const db = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
  await db.waitReady;
  return db;
}

/** Adapts a node-postgres client or pool to SqlExecutor (its `query` without params runs scripts). */
export function pgExecutor(client: pg.Pool | pg.Client | pg.PoolClient): SqlExecutor {
  return {
    exec: (sql) => client.query(sql),
    query: async <R>(sql: string, params?: unknown[]) => {
      const result = await client.query(sql, params);
      return { rows: result.rows as R[] };
    },
  };
}

/**
 * Applies, in name order, every migration not yet recorded in `service_migrations`, each in its
 * own transaction. Safe to call on every start and from several processes at once: an advisory
 * lock makes the second caller wait, then find nothing left to do. Returns the names it applied.
 */
export async function applyMigrations(executor: SqlExecutor, dir = MIGRATIONS_DIR): Promise<string[]> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const applied: string[] = [];
  await executor.exec(`SELECT pg_advisory_lock(${MIGRATION_LOCK_ID})`);
  try {
    await executor.exec(
      'CREATE TABLE IF NOT EXISTS service_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
    );
    const done = new Set(
      (await executor.query<{ name: string }>('SELECT name FROM service_migrations')).rows.map((row) => row.name),
    );
    for (const name of names) {
      if (done.has(name)) continue;
      const sql = await readFile(join(dir, name, 'migration.sql'), 'utf8');
      try {
        await executor.exec(`BEGIN;\n${sql}\n;INSERT INTO service_migrations (name) VALUES ('${name.replaceAll("'", "''")}');\nCOMMIT;`);
      } catch (error) {
        await executor.exec('ROLLBACK').catch(() => undefined);
        throw new Error(`Migration ${name} failed and was rolled back: ${messageOf(error)}`, { cause: error });
      }
      applied.push(name);
    }
  } finally {
    await executor.exec(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_ID})`);
  }
  return applied;
}

// Any constant works; it only has to be the same in every process that migrates this database.
const MIGRATION_LOCK_ID = 724_113;

export type PrismaTarget = { pglite: PGlite } | { url: string; poolSize?: number | undefined };

/** A Prisma client over a driver adapter: PGlite in process, or PostgreSQL via node-postgres. */
export function createPrismaClient(target: PrismaTarget): PrismaClient {
  if ('pglite' in target) return new PrismaClient({ adapter: new PrismaPGlite(target.pglite) });
  return new PrismaClient({
    adapter: new PrismaPg({
      connectionString: target.url,
      max: target.poolSize ?? 10,
      // Fail fast instead of hanging when the server is gone: /health and requests answer 503.
      connectionTimeoutMillis: 2_000,
      query_timeout: 5_000,
    }),
  });
}

/**
 * Connects once to `url` to prove PostgreSQL is there, then applies migrations. A URL that
 * cannot be reached fails with a message saying so and what to do, never a silent fallback.
 */
export async function preparePostgres(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `Cannot reach PostgreSQL at ${redact(url)}: ${messageOf(error)}. Start the server, fix DATABASE_URL, or unset it to use the embedded PGlite.`,
      { cause: error },
    );
  }
  try {
    return await applyMigrations(pgExecutor(client));
  } finally {
    await client.end();
  }
}

/** The URL without its password, for messages and logs. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable DATABASE_URL>';
  }
}

function messageOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return messageOf(error.errors[0]);
  return error instanceof Error ? error.message || error.name : String(error);
}

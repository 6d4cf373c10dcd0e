// One warm PGlite per grading process, migrated once and emptied between runs (TRUNCATE costs a
// few milliseconds; a new PGlite costs seconds). Test workers are separate processes, so they
// reach it over the PostgreSQL wire protocol through a loopback socket (see pglite-wire.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { serveOverTcp, type WireServer } from './pglite-wire.ts';

let started: Promise<{ db: PGlite; server: WireServer }> | undefined;

/** Starts the database (once, also when asked twice at the same time) and migrates it. */
export function startDatabase(workspace: string): Promise<{ db: PGlite; server: WireServer }> {
  started ??= (async () => {
    const db = await PGlite.create();
    await applyMigrations(db, workspace);
    return { db, server: await serveOverTcp(db) };
  })();
  return started;
}

/** Starts the database on first use, empties every table otherwise; returns its connection URL. */
export async function resetDatabase(workspace: string): Promise<string> {
  const fresh = started === undefined;
  const { db, server } = await startDatabase(workspace);
  if (!fresh) {
    await server.dropClients();
    await truncateAll(db);
  }
  return `postgresql://postgres:postgres@127.0.0.1:${server.port}/postgres?sslmode=disable`;
}

export async function closeDatabase(): Promise<void> {
  const running = started;
  started = undefined;
  if (!running) return;
  const { db, server } = await running;
  await server.close();
  await db.close();
}

/**
 * Applies the service's committed migrations (prisma/migrations/<name>/migration.sql) in order and
 * records them in service_migrations, as the service's own applyMigrations() does, so a check that
 * calls it finds nothing left to do.
 */
async function applyMigrations(pg: PGlite, workspace: string): Promise<void> {
  const dir = join(workspace, 'prisma', 'migrations');
  await pg.exec('CREATE TABLE IF NOT EXISTS service_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    const file = join(dir, name, 'migration.sql');
    if (!existsSync(file)) continue;
    await pg.exec(readFileSync(file, 'utf8'));
    await pg.query('INSERT INTO service_migrations (name) VALUES ($1)', [name]);
  }
}

async function truncateAll(pg: PGlite): Promise<void> {
  // A test that died mid-transaction must not leave the next run inside it.
  await pg.exec('ROLLBACK').catch(() => undefined);
  const { rows } = await pg.query<{ name: string }>(
    `select quote_ident(tablename) as name from pg_tables where schemaname = 'public' and tablename not in ('_prisma_migrations', 'service_migrations')`,
  );
  if (rows.length > 0) await pg.exec(`TRUNCATE ${rows.map((r) => r.name).join(', ')} RESTART IDENTITY CASCADE`);
}

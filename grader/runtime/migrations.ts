// The service's committed migrations as the grader applies them to its embedded database, and the
// key that says which migrated database a snapshot holds (see database-snapshot.ts).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

const BOOKKEEPING =
  'CREATE TABLE IF NOT EXISTS service_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())';

interface Migration {
  name: string;
  sql: string;
}

/** prisma/migrations/<name>/migration.sql of a service folder, in the order they apply. */
export function migrationsOf(serviceDir: string): Migration[] {
  const dir = join(serviceDir, 'prisma', 'migrations');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const file = join(dir, name, 'migration.sql');
      return existsSync(file) ? [{ name, sql: readFileSync(file, 'utf8') }] : [];
    });
}

/**
 * Applies the migrations in order and records them in service_migrations, as the service's own
 * applyMigrations() does, so a check that calls it finds nothing left to do.
 */
export async function applyMigrations(pg: PGlite, serviceDir: string): Promise<void> {
  await pg.exec(BOOKKEEPING);
  for (const { name, sql } of migrationsOf(serviceDir)) {
    await pg.exec(sql);
    await pg.query('INSERT INTO service_migrations (name) VALUES ($1)', [name]);
  }
}

/** Names what a migrated database depends on: PGlite's version, the bookkeeping and every migration. */
export function migrationsKey(serviceDir: string): string {
  // The package exports no package.json: read it next to its entry point (dist/…).
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const pglite = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string };
  return createHash('sha256')
    .update(JSON.stringify([pglite.version, BOOKKEEPING, migrationsOf(serviceDir)]))
    .digest('hex')
    .slice(0, 20);
}

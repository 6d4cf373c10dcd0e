// One warm PGlite per grading process, migrated once and emptied between runs (TRUNCATE costs a
// few milliseconds; a new PGlite costs seconds). Test workers are separate processes, so they
// reach it over the PostgreSQL wire protocol through a loopback socket (see pglite-wire.ts).
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { findSnapshot } from './database-snapshot.ts';
import { applyMigrations } from './migrations.ts';
import { serveOverTcp, type WireServer } from './pglite-wire.ts';

let started: Promise<{ db: PGlite; server: WireServer }> | undefined;
/** The catalog right after migrating: a run that dropped or altered anything is detected against it. */
let migratedCatalog: string | undefined;

/** Starts the database (once, also when asked twice at the same time) and migrates it. */
export function startDatabase(workspace: string): Promise<{ db: PGlite; server: WireServer }> {
  started ??= (async () => {
    const db = (await fromSnapshot(workspace)) ?? (await migrated(workspace));
    migratedCatalog = await catalog(db);
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
    // Threat: a run that drops or alters tables (DROP TABLE, ALTER, a new function or trigger)
    // would change the next run's verdict. The catalog is compared with the migrated one (a few
    // ms) and, on any difference, the schema is rebuilt from the migrations.
    await db.exec('ROLLBACK').catch(() => undefined);
    if ((await catalog(db)) !== migratedCatalog) {
      if (process.env['WORKBOOK_DEBUG']) console.error('[grader] the schema changed: migrating again');
      await remigrate(db, workspace);
    } else await truncateAll(db);
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

async function migrated(workspace: string): Promise<PGlite> {
  const db = await PGlite.create();
  await applyMigrations(db, workspace);
  return db;
}

/**
 * The migrated database from the grader's snapshot for exactly these migrations (a workspace
 * whose migrations differ has none); undefined when there is none or it cannot be loaded.
 */
async function fromSnapshot(workspace: string): Promise<PGlite | undefined> {
  const file = findSnapshot(process.env['WORKBOOK_DB_SNAPSHOTS'], workspace);
  if (process.env['WORKBOOK_DEBUG']) console.error(`[grader] database snapshot: ${file ?? 'none'}`);
  if (!file) return undefined;
  try {
    const db = await PGlite.create({ loadDataDir: new Blob([readFileSync(file)]) });
    // A loaded database starts with cold catalog caches (a migrated one has them warm from the
    // migrations): the first statements on each table would pay for it, on the learner's clock.
    await truncateAll(db);
    const { rows } = await db.query<{ name: string }>(
      `select quote_ident(tablename) as name from pg_tables where schemaname = 'public'`,
    );
    for (const { name } of rows) await db.query(`select * from ${name} limit 1`);
    await exercise(db);
    return db;
  } catch {
    return undefined;
  }
}

/** Every relation, column, constraint, index, function, trigger, type and schema outside the system ones, as one string. */
async function catalog(pg: PGlite): Promise<string> {
  const { rows } = await pg.query<{ item: string }>(`
    select 'n:' || nspname as item from pg_namespace where nspname not like 'pg\\_%' and nspname <> 'information_schema'
    union all select 'c:' || n.nspname || '.' || c.relname || ':' || c.relkind::text from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
    union all select 'a:' || c.relname || '.' || a.attname || ':' || format_type(a.atttypid, a.atttypmod) || ':' || a.attnotnull::text || ':' || coalesce(pg_get_expr(d.adbin, d.adrelid), '')
      from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
      where n.nspname = 'public' and a.attnum > 0 and not a.attisdropped
    union all select 'k:' || conrelid::regclass::text || ':' || pg_get_constraintdef(oid) from pg_constraint where connamespace = 'public'::regnamespace
    union all select 'f:' || p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
    union all select 't:' || tgrelid::regclass::text || ':' || tgname from pg_trigger where not tgisinternal
    union all select 'y:' || t.typname from pg_type t join pg_namespace n on n.oid = t.typnamespace where n.nspname = 'public' and t.typtype in ('e', 'd', 'c') and t.typrelid = 0
    order by 1`);
  return rows.map((r) => r.item).join('\n');
}

/** Drops every non-system schema and applies the migrations again (about a second; only after a run changed the schema). */
async function remigrate(pg: PGlite, workspace: string): Promise<void> {
  const { rows } = await pg.query<{ name: string }>(
    `select quote_ident(nspname) as name from pg_namespace where nspname not like 'pg\\_%' and nspname <> 'information_schema'`,
  );
  for (const { name } of rows) await pg.exec(`DROP SCHEMA ${name} CASCADE`);
  await pg.exec('CREATE SCHEMA public');
  await applyMigrations(pg, workspace);
  migratedCatalog = await catalog(pg);
}

/**
 * Runs the statements checks run (inserts through a unique index, updates, ordered reads, deletes,
 * one connection after another) on scratch data, so the database's code is compiled before the
 * first run rather than during it. Leaves nothing behind.
 */
async function exercise(pg: PGlite): Promise<void> {
  await pg.exec(`
    BEGIN;
    CREATE TEMP TABLE warm (id text PRIMARY KEY, n int NOT NULL, at timestamptz NOT NULL, note text);
    INSERT INTO warm SELECT 'w' || g, g, now() - g * interval '1 minute', NULL FROM generate_series(1, 2000) g;
    UPDATE warm SET note = 'x' || n WHERE n % 3 = 0;
    SELECT id, n FROM warm WHERE at < now() ORDER BY at DESC, id LIMIT 50;
    SELECT count(*), max(n) FROM warm GROUP BY n % 7;
    DELETE FROM warm WHERE n % 2 = 0;
    ROLLBACK;`);
  for (let i = 0; i < 200; i++) await pg.query('SELECT $1::text AS id, $2::int AS n', [`w${i}`, i]);
}

async function truncateAll(pg: PGlite): Promise<void> {
  // A test that died mid-transaction must not leave the next run inside it.
  await pg.exec('ROLLBACK').catch(() => undefined);
  const { rows } = await pg.query<{ name: string }>(
    `select quote_ident(tablename) as name from pg_tables where schemaname = 'public' and tablename not in ('_prisma_migrations', 'service_migrations')`,
  );
  if (rows.length > 0) await pg.exec(`TRUNCATE ${rows.map((r) => r.name).join(', ')} RESTART IDENTITY CASCADE`);
}

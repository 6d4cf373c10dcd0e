// The grader's migrated-database snapshot: made once per set of migrations, never remade while it
// exists, skipped while another grader holds the lock, and what a runner's database starts from.
import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, startDatabase } from './database-host.ts';
import { ensureDatabaseSnapshot, findSnapshot, snapshotFile } from './database-snapshot.ts';
import { applyMigrations, migrationsKey } from './migrations.ts';

const repo = join(import.meta.dirname, '..', '..');
let dir: string;
let service: string;
let snapshots: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'workbook-snapshot-'));
  service = join(dir, 'service');
  snapshots = join(dir, 'snapshots');
  cpSync(join(repo, 'service', 'prisma', 'migrations'), join(service, 'prisma', 'migrations'), { recursive: true });
});
afterAll(async () => {
  await closeDatabase();
  delete process.env['WORKBOOK_DB_SNAPSHOTS'];
  rmSync(dir, { recursive: true, force: true });
});

/** A copy of the service folder with one more migration. */
function withExtraMigration(name: string): string {
  const copy = join(dir, name);
  cpSync(service, copy, { recursive: true });
  mkdirSync(join(copy, 'prisma', 'migrations', '20990101000000_more'));
  writeFileSync(
    join(copy, 'prisma', 'migrations', '20990101000000_more', 'migration.sql'),
    'CREATE TABLE more (id int);',
  );
  return copy;
}

describe('the database snapshot', () => {
  it('is made once for a set of migrations and not remade while it exists', async () => {
    await ensureDatabaseSnapshot(service, snapshots);
    const file = findSnapshot(snapshots, service);
    expect(file).toBe(snapshotFile(snapshots, migrationsKey(service)));
    const made = statSync(file as string).mtimeMs;
    await ensureDatabaseSnapshot(service, snapshots);
    expect(statSync(file as string).mtimeMs).toBe(made);
  }, 180_000);

  it('belongs to those migrations only: a changed migration has none', () => {
    const changed = withExtraMigration('changed');
    expect(migrationsKey(changed)).not.toBe(migrationsKey(service));
    expect(findSnapshot(snapshots, changed)).toBeUndefined();
  });

  it('is left to the grader holding the lock', async () => {
    const other = withExtraMigration('other');
    mkdirSync(join(dir, 'locked'), { recursive: true });
    writeFileSync(`${snapshotFile(join(dir, 'locked'), migrationsKey(other))}.lock`, '');
    await ensureDatabaseSnapshot(other, join(dir, 'locked'));
    expect(findSnapshot(join(dir, 'locked'), other)).toBeUndefined();
  });

  it('is what a runner’s database starts from', async () => {
    // Replace the snapshot with one that has a marker table: a database migrated from scratch has none.
    const marked = await PGlite.create();
    await applyMigrations(marked, service);
    await marked.exec('CREATE TABLE snapshot_marker (id int)');
    const dump = await marked.dumpDataDir('none');
    await marked.close();
    writeFileSync(findSnapshot(snapshots, service) as string, new Uint8Array(await dump.arrayBuffer()));
    process.env['WORKBOOK_DB_SNAPSHOTS'] = snapshots;
    const { db } = await startDatabase(service);
    const { rows } = await db.query<{ name: string }>(
      `select tablename as name from pg_tables where schemaname = 'public' order by 1`,
    );
    expect(rows.map((r) => r.name)).toContain('snapshot_marker');
    expect(rows.map((r) => r.name)).toContain('service_migrations');
  }, 180_000);
});

import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/fixtures/infrastructure.js';
import { applyMigrations, MIGRATIONS_DIR, openPglite, pgExecutor, redact } from './database.js';

let pglite: PGlite;
let dir: string;
beforeAll(async () => {
  pglite = await openPglite();
  dir = await mkdtemp(join(tmpdir(), 'migrations-'));
});
afterAll(async () => {
  await pglite?.close();
  await rm(dir, { recursive: true, force: true });
});

async function migration(name: string, sql: string): Promise<void> {
  await mkdir(join(dir, name), { recursive: true });
  await writeFile(join(dir, name, 'migration.sql'), sql);
}

describe('applyMigrations', () => {
  it('applies the committed migrations once; a second call finds nothing to do', async () => {
    const first = await applyMigrations(pglite);
    expect(first.length).toBeGreaterThan(0);
    expect(await applyMigrations(pglite)).toEqual([]);
    const tables = await pglite.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
    expect(tables.rows.map((r) => r.table_name)).toEqual(['service_migrations', 'tasks', 'users']);
  });

  it('applies in name order, and rolls back a failing migration naming it', async () => {
    await migration('001_a', 'CREATE TABLE a (id int);');
    await migration('002_b', 'CREATE TABLE b (id int); INSERT INTO nowhere VALUES (1);');
    await expect(applyMigrations(pglite, dir)).rejects.toThrow(/Migration 002_b failed and was rolled back: .*nowhere/);
    const exists = await pglite.query<{ b: string | null }>("SELECT to_regclass('public.b')::text AS b");
    expect(exists.rows[0]?.b, 'the half-applied migration must leave nothing behind').toBeNull();
    await migration('002_b', 'CREATE TABLE b (id int);');
    expect(await applyMigrations(pglite, dir)).toEqual(['002_b']);
  });

  it('lets two processes migrate one PostgreSQL database at once; each migration runs once', async () => {
    const database = await createTestDatabase('migrate');
    const clients = [new pg.Client(database.url), new pg.Client(database.url)];
    try {
      await Promise.all(clients.map((c) => c.connect()));
      const results = await Promise.all(clients.map((c) => applyMigrations(pgExecutor(c))));
      const committed = (await readdir(MIGRATIONS_DIR)).sort();
      expect(results.flat().sort(), 'every committed migration applied exactly once').toEqual(committed);
      expect(results.some((applied) => applied.length === 0), 'the second caller waits, then has nothing left').toBe(true);
    } finally {
      await Promise.all(clients.map((c) => c.end()));
      await database.drop();
    }
  });
});

describe('redact', () => {
  it('hides the password and copes with garbage', () => {
    expect(redact('postgres://app:s3cret@db:5432/tasks')).toBe('postgres://app:***@db:5432/tasks');
    expect(redact('not a url')).toBe('<unparseable DATABASE_URL>');
  });
});

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/fixtures/infrastructure.js';
import { migrate } from './migrate.js';

let database: { url: string; drop: () => Promise<void> };
beforeAll(async () => {
  database = await createTestDatabase('migrate');
});
afterAll(() => database?.drop());

describe('migrate (the CI and deploy step)', () => {
  it('applies the committed migrations to an empty database, then finds nothing to do', async () => {
    const lines: string[] = [];
    const first = await migrate({ DATABASE_URL: database.url }, (line) => lines.push(line));
    expect(first).toContain('20260126000000_init');
    expect(lines[0]).toMatch(/^migrate: applied 20260126000000_init/);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const tables = await client.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
    await client.end();
    expect(tables.rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(['service_migrations', 'tasks', 'users']));

    expect(await migrate({ DATABASE_URL: database.url }, (line) => lines.push(line))).toEqual([]);
    expect(lines[1]).toMatch(/is up to date, nothing to apply$/);
  });

  it('refuses to run without DATABASE_URL, saying what to set', async () => {
    await expect(migrate({}, () => {})).rejects.toThrow(/DATABASE_URL is not set/);
  });
});

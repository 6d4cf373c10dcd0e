// Milestone 2's PostgreSQL is a wall, not a scope: the shared server trusts local connections, so
// the sandbox gets no PostgreSQL socket and reaches it only through the grader's guard
// (sandbox/pg-bridge.ts), which admits the run's role on the run's database and nothing else.
// An attacking service (fixtures/pg-probe) tries other roles, databases and paths from inside.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { bridgePostgres, startupProblem } from '../sandbox/pg-bridge.ts';
import { createBacking } from './backing.ts';
import { startService } from './service-process.ts';

const repo = join(import.meta.dirname, '..', '..');
const PG = { host: '127.0.0.1', port: 5432 };

describe('the PostgreSQL guard', () => {
  const run = { role: 'wb_guard_role', database: 'wb_guard_db' };

  it('admits only the run role on the run database, and no replication', () => {
    const params = (entries: Record<string, string>) => new Map(Object.entries(entries));
    expect(startupProblem(params({ user: run.role, database: run.database }), run)).toBeUndefined();
    expect(startupProblem(params({ user: 'postgres', database: run.database }), run)).toMatch(
      /only as role "wb_guard_role".*not "postgres"/,
    );
    expect(startupProblem(params({ user: run.role, database: 'postgres' }), run)).toMatch(
      /only to database "wb_guard_db".*not "postgres"/,
    );
    // No database parameter: PostgreSQL takes the user name, which is not the run's database here.
    expect(startupProblem(params({ user: run.role }), run)).toMatch(/only to database/);
    expect(startupProblem(params({ user: run.role, database: run.database, replication: 'database' }), run)).toMatch(
      /replication/,
    );
  });

  it('refuses another role with a PostgreSQL error the client shows, and passes the run role through', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'workbook-pg-guard-'));
    // The run role is postgres itself here (the bridge, not the role, is under test); the database is postgres.
    const bridge = await bridgePostgres(join(dir, '.s.PGSQL.5432'), PG, { role: 'postgres', database: 'postgres' });
    try {
      const client = (user: string, database: string) =>
        new pg.Client({ host: dir, user, database, connectionTimeoutMillis: 5000 });
      const good = client('postgres', 'postgres');
      await good.connect();
      expect((await good.query('SELECT current_user AS who')).rows).toEqual([{ who: 'postgres' }]);
      await good.end();
      await expect(client('someone_else', 'postgres').connect()).rejects.toThrow(
        /only as role "postgres".*not "someone_else"/,
      );
      await expect(client('postgres', 'template1').connect()).rejects.toThrow(
        /only to database "postgres".*not "template1"/,
      );
    } finally {
      await bridge.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a milestone 2 service in the sandbox', () => {
  let stop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await stop?.();
  });

  it('reaches its own database as its own role, and is refused as postgres, on another database, over the socket folder, or by SET ROLE', {
    timeout: 180_000,
  }, async () => {
    const backing = await createBacking();
    const service = await startService({ repo, dir: join(import.meta.dirname, 'fixtures', 'pg-probe'), backing }).catch(
      async (error: unknown) => {
        await backing.close();
        throw error;
      },
    );
    stop = async () => {
      await service.stop();
      await backing.close();
    };
    // The wall is the sandbox's: without bubblewrap the service would reach PostgreSQL directly.
    expect(service.isolation, 'this test needs bubblewrap (apt-get install -y bubblewrap)').toBe('bubblewrap');
    const results = (await (await fetch(service.url)).json()) as Record<
      string,
      { ok: boolean; rows?: unknown[]; error?: string }
    >;
    const id = backing.suiteEnv['PROJECT_DATABASE'];
    expect(results['own'], service.output()).toEqual({ ok: true, rows: [{ who: id, db: id }] });
    expect(results['asPostgres']?.error).toMatch(
      /may connect to PostgreSQL only as role "wb_capstone_\w+".*not "postgres"/,
    );
    expect(results['asPostgresOnOwnDatabase']?.error).toMatch(/only as role/);
    expect(results['ownRoleOnPostgresDatabase']?.error).toMatch(/only to database "wb_capstone_\w+".*not "postgres"/);
    expect(results['asPostgresOverTls']?.ok).toBe(false);
    expect(results['startupRoleOption']?.error).toMatch(/permission denied to set role "postgres"/);
    expect(results['setRole']?.error).toMatch(/permission denied to set role "postgres"/);
    // No PostgreSQL socket folder in the sandbox at all.
    expect(results['unixSocket']?.error).toMatch(/ENOENT|connect/);
    expect(Object.values(results).filter((r) => r.ok)).toHaveLength(1);
  });
});

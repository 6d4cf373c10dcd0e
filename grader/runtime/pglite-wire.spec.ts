import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { serveOverTcp, type WireServer } from './pglite-wire.ts';

let db: PGlite;
let server: WireServer;
const url = () => `postgresql://postgres:postgres@127.0.0.1:${server.port}/postgres?sslmode=disable`;

beforeAll(async () => {
  db = await PGlite.create();
  await db.exec('create table t (id serial primary key, name text not null)');
  server = await serveOverTcp(db);
});
afterAll(async () => {
  await server.close();
  await db.close();
});

it('serves simple and extended queries to a real PostgreSQL client', async () => {
  const client = new pg.Client({ connectionString: url() });
  await client.connect();
  await client.query('insert into t (name) values ($1)', ['ada']);
  const { rows } = await client.query<{ name: string }>('select name from t where name = $1', ['ada']);
  expect(rows).toEqual([{ name: 'ada' }]);
  await client.end();
});

it('lets several connections take turns, keeping a transaction on one connection together', async () => {
  const pool = new pg.Pool({ connectionString: url(), max: 3 });
  const tx = await pool.connect();
  await tx.query('begin');
  await tx.query("insert into t (name) values ('inside')");
  // Another connection's query waits for the transaction instead of seeing or breaking it.
  const other = pool.query<{ n: string }>("select count(*) as n from t where name = 'inside'");
  await tx.query('rollback');
  tx.release();
  expect((await other).rows[0]?.n).toBe('0');
  const counts = await Promise.all([1, 2, 3].map(() => pool.query('select 1 as one')));
  expect(counts.map((r) => r.rows[0])).toEqual([{ one: 1 }, { one: 1 }, { one: 1 }]);
  await pool.end();
});

it('dropClients() disconnects leaked connections and rolls back what they left open', async () => {
  const leaked = new pg.Client({ connectionString: url() });
  leaked.on('error', () => undefined);
  await leaked.connect();
  await leaked.query('begin');
  await leaked.query("insert into t (name) values ('leaked')");
  await server.dropClients();
  const { rows } = await db.query<{ n: number }>("select count(*)::int as n from t where name = 'leaked'");
  expect(rows[0]?.n).toBe(0);
});

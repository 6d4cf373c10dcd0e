import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** The one thing the stores need from a database: run a parameterised statement, get rows. */
export interface Sql {
  rows<R>(text: string, params?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

export async function openPostgres(url: string): Promise<Sql> {
  const pool = new pg.Pool({ connectionString: url, max: 5 });
  const sql: Sql = {
    rows: async <R>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows as R[],
    close: () => pool.end(),
  };
  await migrate(sql, true);
  return sql;
}

/** In-process PostgreSQL (in memory) for running the service without DATABASE_URL. */
export async function openPglite(): Promise<Sql> {
  const db = new PGlite();
  const sql: Sql = {
    rows: async <R>(text: string, params: unknown[] = []) => (await db.query<R>(text, params)).rows,
    close: () => db.close(),
  };
  await migrate(sql, false);
  return sql;
}

const schema = `
CREATE TABLE IF NOT EXISTS accounts (
  id uuid PRIMARY KEY,
  email text NOT NULL UNIQUE,
  name text NOT NULL,
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS tasks (
  seq bigserial UNIQUE,
  id uuid PRIMARY KEY,
  title text NOT NULL,
  description text,
  status text NOT NULL CHECK (status IN ('TODO', 'IN_PROGRESS', 'COMPLETED')),
  creator_id uuid NOT NULL REFERENCES accounts (id),
  assignee_id uuid REFERENCES accounts (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS tasks_creator ON tasks (creator_id);
CREATE INDEX IF NOT EXISTS tasks_assignee ON tasks (assignee_id);
`;

/** Idempotent; on a shared server an advisory lock keeps two starting processes from racing. */
async function migrate(sql: Sql, shared: boolean): Promise<void> {
  if (shared) {
    await sql.rows('SELECT pg_advisory_lock(7215)');
    try {
      for (const statement of statements()) await sql.rows(statement);
    } finally {
      await sql.rows('SELECT pg_advisory_unlock(7215)');
    }
  } else {
    for (const statement of statements()) await sql.rows(statement);
  }
}

function statements(): string[] {
  return schema
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

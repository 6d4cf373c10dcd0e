import type { StoredAccount } from '../core/account.js';
import type { Task, TaskStatus } from '../core/task.js';
import type { AccountStore, Page, TaskStore } from '../app/ports.js';
import type { Sql } from './sql.js';

interface AccountRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: Date;
}

interface TaskRow {
  id: string;
  title: string;
  description: string | null;
  status: TaskStatus;
  creator_id: string;
  assignee_id: string | null;
  created_at: Date;
  updated_at: Date;
}

const iso = (value: Date | string) => new Date(value).toISOString();

export class SqlAccounts implements AccountStore {
  constructor(private readonly sql: Sql) {}

  async insert(a: StoredAccount): Promise<'ok' | 'email-taken'> {
    const rows = await this.sql.rows(
      `INSERT INTO accounts (id, email, name, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (email) DO NOTHING RETURNING id`,
      [a.id, a.email, a.name, a.passwordHash, a.createdAt],
    );
    return rows.length === 1 ? 'ok' : 'email-taken';
  }

  async byEmail(email: string): Promise<StoredAccount | undefined> {
    const [row] = await this.sql.rows<AccountRow>('SELECT * FROM accounts WHERE email = $1', [email]);
    return (
      row && {
        id: row.id,
        email: row.email,
        name: row.name,
        passwordHash: row.password_hash,
        createdAt: iso(row.created_at),
      }
    );
  }

  async exists(id: string): Promise<boolean> {
    return (await this.sql.rows('SELECT 1 FROM accounts WHERE id = $1', [id])).length === 1;
  }
}

function toTask(row: TaskRow): Task {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    status: row.status,
    creatorId: row.creator_id,
    assigneeId: row.assignee_id,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

const columns = 'id, title, description, status, creator_id, assignee_id, created_at, updated_at';

export class SqlTasks implements TaskStore {
  constructor(private readonly sql: Sql) {}

  async insert(t: Task): Promise<void> {
    await this.sql.rows(`INSERT INTO tasks (${columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
      t.id,
      t.title,
      t.description,
      t.status,
      t.creatorId,
      t.assigneeId,
      t.createdAt,
      t.updatedAt,
    ]);
  }

  async byId(id: string): Promise<Task | undefined> {
    const [row] = await this.sql.rows<TaskRow>(`SELECT ${columns} FROM tasks WHERE id = $1`, [id]);
    return row && toTask(row);
  }

  async replace(t: Task): Promise<void> {
    await this.sql.rows(
      `UPDATE tasks SET title = $2, description = $3, status = $4, assignee_id = $5, updated_at = $6 WHERE id = $1`,
      [t.id, t.title, t.description, t.status, t.assigneeId, t.updatedAt],
    );
  }

  async remove(id: string): Promise<void> {
    await this.sql.rows('DELETE FROM tasks WHERE id = $1', [id]);
  }

  async visibleTo(userId: string, offset: number, limit: number): Promise<Page<Task>> {
    const where = 'WHERE creator_id = $1 OR assignee_id = $1';
    const [count] = await this.sql.rows<{ n: number | string }>(`SELECT count(*)::int AS n FROM tasks ${where}`, [
      userId,
    ]);
    const rows = await this.sql.rows<TaskRow>(`SELECT ${columns} FROM tasks ${where} ORDER BY seq LIMIT $2 OFFSET $3`, [
      userId,
      limit,
      offset,
    ]);
    return { items: rows.map(toTask), total: Number(count?.n ?? 0) };
  }
}

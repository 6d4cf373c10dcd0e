import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftTask } from '../core/task.js';
import { openPglite, type Sql } from './sql.js';
import { SqlAccounts, SqlTasks } from './sql-stores.js';

// The fallback `npm start` uses without DATABASE_URL: the same stores on PGlite in memory.
let sql: Sql;
beforeAll(async () => {
  sql = await openPglite();
});
afterAll(async () => {
  await sql.close();
});

describe('the stores on PGlite', () => {
  it('keep accounts (one per email) and list only the tasks a member created or holds', async () => {
    const accounts = new SqlAccounts(sql);
    const tasks = new SqlTasks(sql);
    const ada = {
      id: randomUUID(),
      email: 'ada@example.com',
      name: 'Ada',
      passwordHash: 'h',
      createdAt: new Date().toISOString(),
    };
    expect(await accounts.insert(ada)).toBe('ok');
    expect(await accounts.insert({ ...ada, id: randomUUID() })).toBe('email-taken');
    expect((await accounts.byEmail('ada@example.com'))?.id).toBe(ada.id);
    expect(await accounts.byEmail('nobody@example.com')).toBeUndefined();
    const bobId = randomUUID();
    await accounts.insert({ ...ada, id: bobId, email: 'bob@example.com' });
    const task = draftTask(randomUUID(), ada.id, 'Mine', null, new Date());
    await tasks.insert(task);
    await tasks.insert(draftTask(randomUUID(), bobId, 'His', null, new Date()));
    expect(await tasks.visibleTo(ada.id, 0, 10)).toEqual({ items: [task], total: 1 });
    await tasks.remove(task.id);
    expect(await tasks.byId(task.id)).toBeUndefined();
  });
});

import { afterAll, beforeEach, expect, it } from 'vitest';
import { DomainError } from '../src/domain/shared/domain-error.js';
import type { PrismaClient } from '../src/generated/prisma/client.js';
import { listTaskSummaries } from '../src/infrastructure/persistence/task-summary.pages.js';
import { closePrisma, getPrisma, resetDatabase } from './fixtures.js';

let prisma: PrismaClient;
const base = Date.parse('2026-03-01T00:00:00.000Z');
function row(n: number, createdMinute: number) {
  return {
    id: `task-${String(n).padStart(3, '0')}`,
    title: `Task ${n}`,
    description: 'A long description the list never shows. '.repeat(5),
    status: (['TODO', 'IN_PROGRESS', 'COMPLETED'] as const)[n % 3],
    creatorId: 'u-1',
    assigneeId: n % 2 ? 'u-2' : null,
    dueDate: n % 4 ? new Date(base + n * 86_400_000) : null,
    createdAt: new Date(base + createdMinute * 60_000),
    updatedAt: new Date(base + createdMinute * 60_000),
  };
}
// 25 tasks; several share a creation minute, so order must fall back on the id.
const seed = Array.from({ length: 25 }, (_, i) => row(i + 1, Math.floor((i + 1) / 3)));
const expectedOrder = [...seed].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1)).map((t) => t.id);

beforeEach(async () => {
  prisma = (await getPrisma()) as unknown as PrismaClient;
  await resetDatabase();
  await prisma.task.createMany({ data: seed });
});
afterAll(() => closePrisma());

async function allPages(limit: number, between?: (page: number) => Promise<void>) {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await listTaskSummaries(prisma, { limit, cursor });
    ids.push(...page.items.map((t) => t.id));
    cursor = page.nextCursor;
    pages += 1;
    if (between) await between(pages);
    expect(pages, 'more pages than tasks: is nextCursor ever null?').toBeLessThan(40);
  } while (cursor);
  return { ids, pages };
}

it('the first page has the newest tasks, ties broken by id descending, and only id, title, status and dueDate', async () => {
  const page = await listTaskSummaries(prisma, { limit: 5 });
  expect(page.items.map((t) => t.id)).toEqual(expectedOrder.slice(0, 5));
  const first = seed.find((t) => t.id === expectedOrder[0])!;
  expect(page.items[0], 'each item holds exactly the summary fields').toEqual({ id: first.id, title: first.title, status: first.status, dueDate: first.dueDate });
  expect(typeof page.nextCursor).toBe('string');
});

it('following nextCursor visits every task exactly once, in order, and ends with null', async () => {
  const { ids, pages } = await allPages(10);
  expect(ids).toEqual(expectedOrder);
  expect(pages).toBe(3);
});

it('nextCursor is null when the last page is exactly full', async () => {
  const { ids, pages } = await allPages(5);
  expect(ids).toHaveLength(25);
  expect(pages, '25 tasks in pages of 5 is 5 pages, not 6').toBe(5);
});

it('tasks created while paging do not make later pages repeat or skip a task', async () => {
  const { ids } = await allPages(7, async (page) => {
    if (page === 1) await prisma.task.createMany({ data: [row(900, 500), row(901, 501)] }); // newer than everything
  });
  expect(ids, 'ids seen while two newer tasks were inserted after the first page').toEqual(expectedOrder);
});

it('a cursor the list did not issue is TASK.INVALID_CURSOR; a limit outside 1–100 is TASK.INVALID_PAGE', async () => {
  for (const cursor of ['not-a-cursor', Buffer.from('{"hello":1}').toString('base64url'), '%%%']) {
    const error = await listTaskSummaries(prisma, { limit: 5, cursor }).then(() => undefined, (e: unknown) => e);
    expect(error, `cursor ${JSON.stringify(cursor)}`).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('TASK.INVALID_CURSOR');
  }
  for (const limit of [0, 101, 2.5]) {
    const error = await listTaskSummaries(prisma, { limit }).then(() => undefined, (e: unknown) => e);
    expect((error as DomainError | undefined)?.code, `limit ${limit}`).toBe('TASK.INVALID_PAGE');
  }
});

it('limit 1 and limit 100 are accepted: the edges of 1–100 are inside', async () => {
  const one = await listTaskSummaries(prisma, { limit: 1 });
  expect(one.items.map((t) => t.id)).toEqual(expectedOrder.slice(0, 1));
  const hundred = await listTaskSummaries(prisma, { limit: 100 });
  expect(hundred.items.map((t) => t.id), 'all 25 tasks fit in one page of 100').toEqual(expectedOrder);
  expect(hundred.nextCursor).toBeNull();
});

/** The client, with every prisma.task.findMany and raw query recorded (its arguments or SQL). */
function watchQueries(client: PrismaClient) {
  const findMany: unknown[] = [];
  const rawSql: string[] = [];
  const bindTo = (target: object, value: unknown) => (typeof value === 'function' ? value.bind(target) : value);
  const task = new Proxy(client.task, {
    get(target, key) {
      const value = Reflect.get(target, key, target) as unknown;
      if (key === 'findMany') return (args: unknown) => { findMany.push(args); return (value as (a: unknown) => unknown).call(target, args); };
      return bindTo(target, value);
    },
  });
  const watched = new Proxy(client, {
    get(target, key) {
      if (key === 'task') return task;
      const value = Reflect.get(target, key, target) as unknown;
      if (key === '$queryRaw' || key === '$queryRawUnsafe') {
        return (first: unknown, ...rest: unknown[]) => {
          rawSql.push(Array.isArray(first) ? first.join('?') : String((first as { sql?: string })?.sql ?? first));
          return (value as (...a: unknown[]) => unknown).call(target, first, ...rest);
        };
      }
      return bindTo(target, value);
    },
  });
  return { watched, findMany, rawSql };
}

it('the query fetches only the summary columns (and what the cursor needs), never the description', async () => {
  const { watched, findMany, rawSql } = watchQueries(prisma);
  const first = await listTaskSummaries(watched, { limit: 5 });
  await listTaskSummaries(watched, { limit: 5, cursor: first.nextCursor });
  expect(findMany.length + rawSql.length, 'calls to prisma.task.findMany or $queryRaw').toBeGreaterThan(0);
  const allowed = new Set(['id', 'title', 'status', 'dueDate', 'createdAt']);
  for (const args of findMany) {
    const select = (args as { select?: Record<string, unknown> } | undefined)?.select;
    expect(select, 'findMany must be given a select (fetch only the columns the list shows)').toBeDefined();
    const extra = Object.keys(select ?? {}).filter((k) => select?.[k] && !allowed.has(k));
    expect(extra.join(', '), 'columns selected beyond id, title, status, dueDate (and createdAt for the cursor)').toBe('');
  }
  for (const sql of rawSql) {
    expect(sql, 'raw SQL must name its columns, not SELECT *').not.toMatch(/select\s+(\w+\.)?\*/i);
    expect(sql, 'raw SQL must not fetch columns the list does not show').not.toMatch(/description|assignee_id|creator_id|updated_at/i);
  }
});

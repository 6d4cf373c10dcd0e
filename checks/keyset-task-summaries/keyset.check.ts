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

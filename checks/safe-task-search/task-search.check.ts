import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../src/domain/shared/domain-error.js';
import type { PrismaClient } from '../src/generated/prisma/client.js';
import { buildTaskSearch } from '../src/infrastructure/persistence/task-search.sql.js';
import { closePrisma, getPrisma, resetDatabase } from './fixtures.js';

const day = (d: number) => new Date(Date.UTC(2026, 2, d, 12));
let prisma: PrismaClient;

function row(id: string, title: string, status: 'TODO' | 'IN_PROGRESS' | 'COMPLETED', created: number, due: number | null = null) {
  return { id, title, description: '', status, creatorId: 'u-1', assigneeId: null, dueDate: due === null ? null : day(due), createdAt: day(created), updatedAt: day(created) };
}

beforeEach(async () => {
  prisma = (await getPrisma()) as unknown as PrismaClient;
  await resetDatabase();
  await prisma.task.createMany({
    data: [
      row('t1', 'Reach 100% coverage', 'TODO', 1, 9),
      row('t2', 'Load test with 1000 users', 'IN_PROGRESS', 2, 5),
      row('t3', 'Write the COVERAGE report', 'COMPLETED', 3),
      row('t4', 'Rename user_id columns', 'TODO', 4, 7),
      row('t5', 'Rename userXid helper', 'TODO', 5),
      row('t6', "Fix O'Brien's login", 'TODO', 6),
    ],
  });
});
afterAll(() => closePrisma());

async function search(input: unknown): Promise<string[]> {
  const { text, values } = buildTaskSearch(input);
  const rows = await prisma.$queryRawUnsafe<{ id: string; title: string; status: string }[]>(text, ...values);
  return rows.map((r) => r.id);
}

function validationError(input: unknown): DomainError {
  let error: unknown;
  try { buildTaskSearch(input); } catch (e) { error = e; }
  expect(error, `buildTaskSearch(${JSON.stringify(input)}) must throw a DomainError`).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe('VALIDATION.FAILED');
  return error as DomainError;
}

describe('searching', () => {
  it('finds titles containing q, ignoring case, newest first by default', async () => {
    expect(await search({ q: 'coverage' })).toEqual(['t3', 't1']);
    expect(await search({ q: '  rename ' }), 'q is trimmed').toEqual(['t5', 't4']);
  });

  it('sorts by the chosen column and direction, filters by status, and honours limit (given as a string too)', async () => {
    expect(await search({ q: 'e', sort: 'title', direction: 'asc' })).toEqual(['t6', 't2', 't1', 't5', 't4', 't3']);
    expect(await search({ q: 'e', sort: 'dueDate', direction: 'asc', limit: '2' })).toEqual(['t2', 't4']);
    expect(await search({ q: 'e', status: 'TODO', sort: 'createdAt', direction: 'asc' })).toEqual(['t1', 't4', 't5', 't6']);
  });

  it('matches % and _ literally, not as LIKE wildcards', async () => {
    expect(await search({ q: '100%' }), '"100%" must not match "1000 users"').toEqual(['t1']);
    expect(await search({ q: 'user_id' }), '"user_id" must not match "userXid"').toEqual(['t4']);
  });
});

describe('injection', () => {
  it('user input travels as parameters: it never appears in the SQL text', () => {
    const q = "x' OR '1'='1";
    const { text, values } = buildTaskSearch({ q, status: 'TODO', limit: 5 });
    expect(text, 'the SQL text').not.toContain("OR '1'='1");
    expect(text).toMatch(/\$1/);
    expect(values.some((v) => typeof v === 'string' && v.toLowerCase().includes(q.toLowerCase())), 'q must be among the values').toBe(true);
  });

  it('quotes and SQL in q are just text: classic payloads find nothing and harm nothing', async () => {
    expect(await search({ q: "x' OR '1'='1" })).toEqual([]);
    expect(await search({ q: "'; DELETE FROM tasks; --" })).toEqual([]);
    expect(await search({ q: "O'Brien" }), 'a real apostrophe still matches').toEqual(['t6']);
    expect(await prisma.task.count(), 'tasks left after the payloads').toBe(6);
  });
});

describe('validation', () => {
  it('refuses a sort or direction outside the allow-list', () => {
    validationError({ q: 'x', sort: 'title; DROP TABLE tasks' });
    validationError({ q: 'x', sort: 'password_hash' });
    validationError({ q: 'x', direction: 'asc, (SELECT 1)' });
  });

  it('refuses unknown keys, a bad status, an empty or too long q and a limit outside 1–50', () => {
    for (const input of [{ q: 'x', admin: true }, { q: 'x', status: 'DONE' }, { q: '   ' }, { q: 'x'.repeat(101) }, { q: 'x', limit: 500 }, { q: 'x', limit: 0 }, { q: 'x', limit: '2.5' }, {}, null]) {
      validationError(input);
    }
  });
});

describe('edges and defaults', () => {
  it('ties on the sort column are broken by id ascending, whichever the direction', async () => {
    await prisma.task.createMany({ data: [row('tie-b', 'Tie two', 'TODO', 8), row('tie-a', 'Tie one', 'TODO', 8)] });
    expect(await search({ q: 'tie', sort: 'createdAt', direction: 'desc' }), 'same createdAt, direction desc').toEqual(['tie-a', 'tie-b']);
    expect(await search({ q: 'tie', sort: 'createdAt', direction: 'asc' }), 'same createdAt, direction asc').toEqual(['tie-a', 'tie-b']);
  });

  it('limit defaults to 20 rows', async () => {
    await prisma.task.createMany({ data: Array.from({ length: 25 }, (_, i) => row(`bulk-${String(i).padStart(2, '0')}`, `Bulk import ${i}`, 'TODO', 10)) });
    expect(await search({ q: 'bulk' }), 'rows for 25 matching tasks and no limit').toHaveLength(20);
  });

  it('accepts the edges: limit 1, 50 and "50", q of 1 character and of exactly 100 characters after trimming', () => {
    for (const input of [{ q: 'x', limit: 1 }, { q: 'x', limit: 50 }, { q: 'x', limit: '50' }, { q: 'r' }, { q: `  ${'x'.repeat(100)} ` }]) {
      expect(() => buildTaskSearch(input), `buildTaskSearch(${JSON.stringify(input).slice(0, 60)})`).not.toThrow();
    }
  });

  it('a refused request names what is wrong in the DomainError details', () => {
    const error = validationError({ q: 'x', limit: 500 });
    expect(JSON.stringify(error.details ?? null), 'details of the VALIDATION.FAILED error').toContain('limit');
  });
});

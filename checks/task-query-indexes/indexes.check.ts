import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PrismaClient } from '../src/generated/prisma/client.js';
import { OPEN_TASKS_BY_DUE_DATE, TASK_INDEX_SQL, TITLE_PREFIX_SEARCH } from '../src/infrastructure/persistence/task-indexes.sql.js';
import { closePrisma, getPrisma, resetDatabase } from './fixtures.js';

// Everything runs inside one transaction that is rolled back, so the shared database never keeps
// your indexes (DDL is transactional in PostgreSQL).
const ROLLBACK = new Error('rollback');
interface PlanNode { 'Node Type': string; 'Index Name'?: string; Plans?: PlanNode[] }
let prisma: PrismaClient;

beforeAll(async () => {
  prisma = (await getPrisma()) as unknown as PrismaClient;
  await resetDatabase();
});
afterAll(() => closePrisma());

const statements = () => TASK_INDEX_SQL.replace(/--.*$/gm, '').split(';').map((s) => s.trim()).filter(Boolean);

/** Seeds 20,000 tasks, creates your indexes, ANALYZEs, and hands the EXPLAIN plans to `inspect`. */
async function withIndexes(inspect: (plans: { open: PlanNode; prefix: PlanNode }, run: (sql: string, v: unknown) => Promise<unknown[]>) => Promise<void>): Promise<void> {
  const outcome = await prisma
    .$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(`INSERT INTO tasks (id, title, status, creator_id, assignee_id, due_date, created_at, updated_at)
          SELECT 't-' || g,
                 CASE WHEN g % 997 = 0 THEN 'Deploy service ' || g ELSE 'Task number ' || g END,
                 (CASE (g / 100) % 4 WHEN 0 THEN 'IN_PROGRESS' WHEN 1 THEN 'TODO' ELSE 'COMPLETED' END)::"TaskStatus",
                 'u-creator', 'u-' || (g % 100), now() + (g % 50) * interval '1 day', now(), now()
            FROM generate_series(1, 20000) AS g`);
        for (const sql of statements()) await tx.$executeRawUnsafe(sql);
        await tx.$executeRawUnsafe('ANALYZE tasks');
        const explain = async (sql: string, value: unknown) => {
          const rows = await tx.$queryRawUnsafe<{ 'QUERY PLAN': unknown }[]>(`EXPLAIN (FORMAT JSON) ${sql}`, value);
          const raw = rows[0]?.['QUERY PLAN'];
          const json = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
          return json[0]!.Plan;
        };
        await inspect(
          { open: await explain(OPEN_TASKS_BY_DUE_DATE, 'u-7'), prefix: await explain(TITLE_PREFIX_SEARCH, 'deploy%') },
          (sql, v) => tx.$queryRawUnsafe(sql, v),
        );
        throw ROLLBACK;
      },
      { timeout: 20_000 },
    )
    .catch((e: unknown) => e);
  if (outcome !== ROLLBACK) throw outcome;
}

const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];
const describePlan = (plan: PlanNode) => nodes(plan).map((n) => n['Node Type'] + (n['Index Name'] ? ` using ${n['Index Name']}` : '')).join(' → ');
const BUILT_IN = ['tasks_pkey', 'tasks_status_idx', 'tasks_assignee_id_idx', 'tasks_creator_id_idx', 'tasks_created_at_idx'];

it('TASK_INDEX_SQL holds one to three CREATE INDEX statements and nothing else', () => {
  const list = statements();
  expect(list.length, 'statements in TASK_INDEX_SQL').toBeGreaterThanOrEqual(1);
  expect(list.length, 'every index slows every write: three is plenty for two queries').toBeLessThanOrEqual(3);
  for (const sql of list) expect(sql, 'each statement must be a CREATE INDEX').toMatch(/^create\s+(unique\s+)?index\b/i);
});

it("a member's open tasks by due date come straight from one of your indexes, already sorted (no Sort step)", async () => {
  await withIndexes(async ({ open }) => {
    const plan = describePlan(open);
    expect(nodes(open).some((n) => n['Node Type'] === 'Sort'), `plan: ${plan}`).toBe(false);
    const used = nodes(open).map((n) => n['Index Name']).filter((n): n is string => !!n);
    expect(used.some((name) => !BUILT_IN.includes(name)), `plan: ${plan} — it should use an index you created`).toBe(true);
  });
});

it('the case-insensitive title prefix search uses an index instead of reading the whole table', async () => {
  await withIndexes(async ({ prefix }) => {
    const plan = describePlan(prefix);
    expect(nodes(prefix).some((n) => n['Node Type'] === 'Seq Scan'), `plan: ${plan}`).toBe(false);
    expect(nodes(prefix).some((n) => n['Index Name'] !== undefined && !BUILT_IN.includes(n['Index Name']!)), `plan: ${plan}`).toBe(true);
  });
});

it('the queries still return the right rows with your indexes in place', async () => {
  await withIndexes(async (_plans, run) => {
    const open = (await run(OPEN_TASKS_BY_DUE_DATE, 'u-7')) as { id: string }[];
    expect(open.length, "u-7's open tasks (TODO or IN_PROGRESS), at most 20").toBe(20);
    const prefix = (await run(TITLE_PREFIX_SEARCH, 'deploy%')) as { title: string }[];
    expect(prefix.length).toBe(20);
    expect(prefix.every((r) => r.title.startsWith('Deploy service'))).toBe(true);
  });
});

it('the index for the prefix search works in any collation: lower(title) with text_pattern_ops (or COLLATE "C")', async () => {
  // PGlite sorts in "C", where any B-tree serves LIKE 'prefix%'; production databases (en_US.UTF-8)
  // need a pattern operator class. PostgreSQL's own definition of each index tells which it is.
  const outcome = await prisma
    .$transaction(async (tx) => {
      for (const sql of statements()) await tx.$executeRawUnsafe(sql);
      const defs = await tx.$queryRawUnsafe<{ def: string }[]>(
        `SELECT pg_get_indexdef(indexrelid) AS def FROM pg_index WHERE indrelid = 'tasks'::regclass`,
      );
      const onLowerTitle = defs.map((d) => d.def).filter((d) => /lower\(\(?title\)?/i.test(d));
      expect(onLowerTitle.length, 'indexes on lower(title)').toBeGreaterThan(0);
      const anyCollation = onLowerTitle.filter((d) => /(text|varchar)_pattern_ops|COLLATE "(C|POSIX)"/i.test(d));
      expect(anyCollation, `indexes on lower(title) usable for LIKE in any collation, among: ${onLowerTitle.join(' | ')}`).not.toEqual([]);
      throw ROLLBACK;
    })
    .catch((e: unknown) => e);
  if (outcome !== ROLLBACK) throw outcome;
});

import { afterAll, beforeEach, expect, it } from 'vitest';
import type { PrismaClient } from '../src/generated/prisma/client.js';
import { handOverTasks, workloadByAssignee } from '../src/infrastructure/persistence/task-handover.js';
import { closePrisma, getPrisma, resetDatabase } from './fixtures.js';

// The audit table belongs to this exercise. Its CHECK constraint lets a check make the audit
// insert fail on purpose (actor "u-saboteur"), to prove the transaction rolls back.
const AUDIT_TABLE = `CREATE TABLE IF NOT EXISTS task_audit (
  id SERIAL PRIMARY KEY, task_id TEXT NOT NULL, action TEXT NOT NULL,
  actor_id TEXT NOT NULL CONSTRAINT no_saboteur CHECK (actor_id <> 'u-saboteur'),
  data JSONB NOT NULL, at TIMESTAMPTZ NOT NULL)`;

const NOW = new Date('2026-03-10T12:00:00.000Z');
const day = (d: number) => new Date(Date.UTC(2026, 2, d, 12));
let prisma: PrismaClient;

function row(id: string, assigneeId: string | null, status: 'TODO' | 'IN_PROGRESS' | 'COMPLETED', dueDate: Date | null = null) {
  return { id, title: `Task ${id}`, description: '', status, creatorId: 'u-mentor', assigneeId, dueDate, createdAt: day(1), updatedAt: day(1) };
}

beforeEach(async () => {
  prisma = (await getPrisma()) as unknown as PrismaClient;
  await prisma.$executeRawUnsafe(AUDIT_TABLE);
  await resetDatabase();
  await prisma.task.createMany({
    data: [
      row('a1', 'u-ada', 'IN_PROGRESS', day(5)),
      row('a2', 'u-ada', 'IN_PROGRESS', day(20)),
      row('a3', 'u-ada', 'COMPLETED', day(2)),
      row('b1', 'u-ben', 'IN_PROGRESS', day(3)),
      row('b2', 'u-ben', 'IN_PROGRESS'),
      row('b3', 'u-ben', 'IN_PROGRESS', day(9)),
      row('c1', 'u-cy', 'IN_PROGRESS', day(30)),
      row('n1', null, 'TODO', day(1)),
    ],
  });
});
afterAll(() => closePrisma());

const owners = async () =>
  Object.fromEntries((await prisma.task.findMany({ select: { id: true, assigneeId: true }, orderBy: { id: 'asc' } })).map((t) => [t.id, t.assigneeId]));

it('handOverTasks moves every open task of one user to another and returns how many', async () => {
  const moved = await handOverTasks(prisma, { fromUserId: 'u-ada', toUserId: 'u-cy', actorId: 'u-mentor', now: NOW });
  expect(moved).toBe(2);
  const after = await owners();
  expect([after['a1'], after['a2']], 'open tasks of u-ada').toEqual(['u-cy', 'u-cy']);
  expect(after['a3'], 'a completed task stays with whoever completed it').toBe('u-ada');
  expect(after['b1'], 'other users are untouched').toBe('u-ben');
  const a1 = await prisma.task.findUnique({ where: { id: 'a1' } });
  expect(a1?.status).toBe('IN_PROGRESS');
  expect(a1?.updatedAt.toISOString(), 'updatedAt is the time given').toBe(NOW.toISOString());
});

it('each handed-over task gets one audit row: action, actor, {from, to} and time', async () => {
  await handOverTasks(prisma, { fromUserId: 'u-ada', toUserId: 'u-cy', actorId: 'u-mentor', now: NOW });
  const audit = await prisma.$queryRawUnsafe<{ task_id: string; action: string; actor_id: string; data: unknown; at: Date }[]>(
    'SELECT task_id, action, actor_id, data, at FROM task_audit ORDER BY task_id',
  );
  expect(audit.map((a) => ({ ...a, at: new Date(a.at).toISOString() }))).toEqual(
    ['a1', 'a2'].map((task_id) => ({ task_id, action: 'task.handed-over', actor_id: 'u-mentor', data: { from: 'u-ada', to: 'u-cy' }, at: NOW.toISOString() })),
  );
});

it('when an audit insert fails, the error reaches the caller and no task has changed owner', async () => {
  const before = await owners();
  const outcome = await handOverTasks(prisma, { fromUserId: 'u-ada', toUserId: 'u-cy', actorId: 'u-saboteur', now: NOW }).then(
    () => 'resolved',
    () => 'rejected',
  );
  expect(outcome, 'handOverTasks must reject when the audit cannot be written').toBe('rejected');
  expect(await owners(), 'task owners after a failed hand-over (everything must be rolled back)').toEqual(before);
  expect(await prisma.$queryRawUnsafe<unknown[]>('SELECT * FROM task_audit'), 'no audit rows either').toEqual([]);
});

it('a user with no open tasks hands over nothing', async () => {
  expect(await handOverTasks(prisma, { fromUserId: 'u-nobody', toUserId: 'u-cy', actorId: 'u-mentor', now: NOW })).toBe(0);
});

it('workloadByAssignee counts open and overdue tasks per assignee as numbers, busiest first', async () => {
  expect(await workloadByAssignee(prisma, NOW)).toEqual([
    { assigneeId: 'u-ben', open: 3, overdue: 2 },
    { assigneeId: 'u-ada', open: 2, overdue: 1 },
    { assigneeId: 'u-cy', open: 1, overdue: 0 },
  ]);
});

it('workloadByAssignee reflects a hand-over and uses the time it is given', async () => {
  await handOverTasks(prisma, { fromUserId: 'u-ben', toUserId: 'u-ada', actorId: 'u-mentor', now: NOW });
  expect(await workloadByAssignee(prisma, day(25))).toEqual([
    { assigneeId: 'u-ada', open: 5, overdue: 4 },
    { assigneeId: 'u-cy', open: 1, overdue: 0 },
  ]);
});

it('a TODO task that is handed over becomes IN_PROGRESS', async () => {
  await prisma.task.create({ data: row('d1', 'u-dee', 'TODO') });
  expect(await handOverTasks(prisma, { fromUserId: 'u-dee', toUserId: 'u-cy', actorId: 'u-mentor', now: NOW })).toBe(1);
  const d1 = await prisma.task.findUnique({ where: { id: 'd1' } });
  expect({ assigneeId: d1?.assigneeId, status: d1?.status }).toEqual({ assigneeId: 'u-cy', status: 'IN_PROGRESS' });
});

it('ids with a quote in them are handed over and audited as given (bound parameters, not SQL built from strings)', async () => {
  await prisma.task.create({ data: row('q1', "u-o'brien", 'IN_PROGRESS') });
  expect(await handOverTasks(prisma, { fromUserId: "u-o'brien", toUserId: "u-d'arcy", actorId: "u-mc'coy", now: NOW })).toBe(1);
  const audit = await prisma.$queryRawUnsafe<{ actor_id: string; data: unknown }[]>('SELECT actor_id, data FROM task_audit');
  expect(audit).toEqual([{ actor_id: "u-mc'coy", data: { from: "u-o'brien", to: "u-d'arcy" } }]);
  expect((await owners())['q1']).toBe("u-d'arcy");
});

it('workloadByAssignee: a task due exactly at now is not overdue (overdue means due before now)', async () => {
  await prisma.task.create({ data: row('c2', 'u-cy', 'IN_PROGRESS', NOW) });
  const cy = (await workloadByAssignee(prisma, NOW)).find((w) => w.assigneeId === 'u-cy');
  expect(cy, 'u-cy: c1 due later, c2 due exactly now').toEqual({ assigneeId: 'u-cy', open: 2, overdue: 0 });
});

it('workloadByAssignee orders assignees with as many open tasks by assigneeId', async () => {
  // u-aa has as many open tasks as u-ada but fewer overdue: only the assigneeId puts it first.
  await prisma.task.createMany({ data: [row('z1', 'u-aa', 'IN_PROGRESS'), row('z2', 'u-aa', 'TODO', day(20))] });
  expect((await workloadByAssignee(prisma, NOW)).map((w) => w.assigneeId)).toEqual(['u-ben', 'u-aa', 'u-ada', 'u-cy']);
});

import type { IEvent } from '@nestjs/cqrs';
import { afterAll, beforeEach, expect, it, vi } from 'vitest';
import { taskCacheKey, type Cache } from '../src/application/ports/cache.port.js';
import { Task } from '../src/domain/task/task.entity.js';
import { TaskAssignedEvent } from '../src/domain/task/task.events.js';
import type { PrismaClient } from '../src/generated/prisma/client.js';
import { InMemoryCache } from '../src/infrastructure/cache/in-memory.cache.js';
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
let cache: InMemoryCache;
let published: IEvent[];
let deleteDelayMs: number;

/** The handover's collaborators: the test database, a real cache whose deletes can be made slow, a recording bus. */
function deps() {
  const slowCache: Cache = {
    get: (key) => cache.get(key),
    set: (key, value, ttl) => cache.set(key, value, ttl),
    del: async (key) => {
      if (deleteDelayMs > 0) await new Promise((r) => setTimeout(r, deleteDelayMs));
      await cache.del(key);
    },
  };
  return { prisma, cache: slowCache, events: { publish: (event: IEvent) => void published.push(event) } };
}

function row(id: string, assigneeId: string | null, status: 'TODO' | 'IN_PROGRESS' | 'COMPLETED', dueDate: Date | null = null) {
  return { id, title: `Task ${id}`, description: '', status, creatorId: 'u-mentor', assigneeId, dueDate, createdAt: day(1), updatedAt: day(1) };
}

beforeEach(async () => {
  vi.restoreAllMocks();
  cache = new InMemoryCache();
  published = [];
  deleteDelayMs = 0;
  prisma = (await getPrisma()) as unknown as PrismaClient;
  await prisma.$executeRawUnsafe(AUDIT_TABLE);
  // A second saboteur fails only at the second task's audit row, after the first task went through.
  await prisma.$executeRawUnsafe('ALTER TABLE task_audit DROP CONSTRAINT IF EXISTS late_saboteur');
  await prisma.$executeRawUnsafe("ALTER TABLE task_audit ADD CONSTRAINT late_saboteur CHECK (NOT (actor_id = 'u-late-saboteur' AND task_id = 'a2'))");
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
  const moved = await handOverTasks(deps(), { fromUserId: 'u-ada', toUserId: 'u-cy', actorId: 'u-mentor', now: NOW });
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
  await handOverTasks(deps(), { fromUserId: 'u-ada', toUserId: 'u-cy', actorId: 'u-mentor', now: NOW });
  const audit = await prisma.$queryRawUnsafe<{ task_id: string; action: string; actor_id: string; data: unknown; at: Date }[]>(
    'SELECT task_id, action, actor_id, data, at FROM task_audit ORDER BY task_id',
  );
  expect(audit.map((a) => ({ ...a, at: new Date(a.at).toISOString() }))).toEqual(
    ['a1', 'a2'].map((task_id) => ({ task_id, action: 'task.handed-over', actor_id: 'u-mentor', data: { from: 'u-ada', to: 'u-cy' }, at: NOW.toISOString() })),
  );
});

it('when an audit insert fails, the error reaches the caller and no task has changed owner', async () => {
  const before = await owners();
  const outcome = await handOverTasks(deps(), { fromUserId: 'u-ada', toUserId: 'u-cy', actorId: 'u-saboteur', now: NOW }).then(
    () => 'resolved',
    () => 'rejected',
  );
  expect(outcome, 'handOverTasks must reject when the audit cannot be written').toBe('rejected');
  expect(await owners(), 'task owners after a failed hand-over (everything must be rolled back)').toEqual(before);
  expect(await prisma.$queryRawUnsafe<unknown[]>('SELECT * FROM task_audit'), 'no audit rows either').toEqual([]);
});

it('a user with no open tasks hands over nothing', async () => {
  expect(await handOverTasks(deps(), { fromUserId: 'u-nobody', toUserId: 'u-cy', actorId: 'u-mentor', now: NOW })).toBe(0);
});

it('workloadByAssignee counts open and overdue tasks per assignee as numbers, busiest first', async () => {
  expect(await workloadByAssignee(prisma, NOW)).toEqual([
    { assigneeId: 'u-ben', open: 3, overdue: 2 },
    { assigneeId: 'u-ada', open: 2, overdue: 1 },
    { assigneeId: 'u-cy', open: 1, overdue: 0 },
  ]);
});

it('workloadByAssignee reflects a hand-over and uses the time it is given', async () => {
  await handOverTasks(deps(), { fromUserId: 'u-ben', toUserId: 'u-ada', actorId: 'u-mentor', now: NOW });
  expect(await workloadByAssignee(prisma, day(25))).toEqual([
    { assigneeId: 'u-ada', open: 5, overdue: 4 },
    { assigneeId: 'u-cy', open: 1, overdue: 0 },
  ]);
});

it('a TODO task that is handed over becomes IN_PROGRESS', async () => {
  await prisma.task.create({ data: row('d1', 'u-dee', 'TODO') });
  expect(await handOverTasks(deps(), { fromUserId: 'u-dee', toUserId: 'u-cy', actorId: 'u-mentor', now: NOW })).toBe(1);
  const d1 = await prisma.task.findUnique({ where: { id: 'd1' } });
  expect({ assigneeId: d1?.assigneeId, status: d1?.status }).toEqual({ assigneeId: 'u-cy', status: 'IN_PROGRESS' });
});

it('ids with a quote in them are handed over and audited as given (bound parameters, not SQL built from strings)', async () => {
  await prisma.task.create({ data: row('q1', "u-o'brien", 'IN_PROGRESS') });
  expect(await handOverTasks(deps(), { fromUserId: "u-o'brien", toUserId: "u-d'arcy", actorId: "u-mc'coy", now: NOW })).toBe(1);
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

it('each task changes owner through Task.assign(), the entity that owns the rule', async () => {
  const assign = vi.spyOn(Task.prototype, 'assign');
  await handOverTasks(deps(), { fromUserId: 'u-ada', toUserId: 'u-cy', actorId: 'u-mentor', now: NOW });
  expect(assign.mock.calls.map((call) => call[0]), 'Task.assign(toUserId, now) once per handed-over task').toEqual(['u-cy', 'u-cy']);
  expect(assign.mock.calls.every((call) => call[1]?.getTime() === NOW.getTime()), 'assign() gets the handover time').toBe(true);
});

it('the cached copy of every handed-over task is gone when handOverTasks resolves, even with a slow cache', async () => {
  for (const id of ['a1', 'a2', 'b1']) await cache.set(taskCacheKey(id), { stale: id }, 60);
  deleteDelayMs = 30;
  await handOverTasks(deps(), { fromUserId: 'u-ada', toUserId: 'u-cy', actorId: 'u-mentor', now: NOW });
  expect(await cache.get(taskCacheKey('a1')), 'a1 was handed over').toBeUndefined();
  expect(await cache.get(taskCacheKey('a2')), 'a2 was handed over').toBeUndefined();
  expect(await cache.get(taskCacheKey('b1')), 'b1 was not handed over: it stays cached').toEqual({ stale: 'b1' });
});

it('publishes one TaskAssignedEvent per handed-over task, with the new assignee and the actor', async () => {
  await handOverTasks(deps(), { fromUserId: 'u-ada', toUserId: 'u-cy', actorId: 'u-mentor', now: NOW });
  const assigned = published.filter((e): e is TaskAssignedEvent => e instanceof TaskAssignedEvent);
  expect(assigned.map((e) => ({ id: e.taskId, to: e.task.assigneeId, status: e.task.status, actor: e.actorId })).sort((a, b) => a.id.localeCompare(b.id))).toEqual([
    { id: 'a1', to: 'u-cy', status: 'IN_PROGRESS', actor: 'u-mentor' },
    { id: 'a2', to: 'u-cy', status: 'IN_PROGRESS', actor: 'u-mentor' },
  ]);
  expect(published.length, 'nothing else is published').toBe(2);
});

it('a failed handover publishes nothing and leaves the cache alone', async () => {
  await cache.set(taskCacheKey('a1'), { cached: 'a1' }, 60);
  // Fails at a2's audit row: a1 was already moved, audited (and, by a wrong answer, announced) inside the transaction.
  const outcome = await handOverTasks(deps(), { fromUserId: 'u-ada', toUserId: 'u-cy', actorId: 'u-late-saboteur', now: NOW }).then(() => 'resolved', () => 'rejected');
  expect(outcome).toBe('rejected');
  expect(published, 'events of a rolled-back handover').toEqual([]);
  expect(await cache.get(taskCacheKey('a1')), 'nothing changed, so nothing to invalidate').toEqual({ cached: 'a1' });
});

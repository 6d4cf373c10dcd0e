import { afterAll, beforeEach, expect, it } from 'vitest';
import { DomainError } from '../src/domain/shared/domain-error.js';
import type { PrismaClient } from '../src/generated/prisma/client.js';
import { completeTaskWithOutbox, relayOutbox, type OutboxMessage } from '../src/infrastructure/persistence/task-outbox.js';
import { closePrisma, getPrisma, resetDatabase } from './fixtures.js';

// The outbox table belongs to this exercise; its CHECK lets a check make the insert fail on purpose.
const OUTBOX_TABLE = `CREATE TABLE IF NOT EXISTS task_outbox (
  id BIGSERIAL PRIMARY KEY, type TEXT NOT NULL, payload JSONB NOT NULL,
  actor_id TEXT NOT NULL CONSTRAINT outbox_no_saboteur CHECK (actor_id <> 'u-saboteur'),
  created_at TIMESTAMPTZ NOT NULL, published_at TIMESTAMPTZ, attempts INT NOT NULL DEFAULT 0, last_error TEXT)`;

const NOW = new Date('2026-03-10T12:00:00.000Z');
let prisma: PrismaClient;
const row = (id: string, status: 'TODO' | 'IN_PROGRESS' | 'COMPLETED' = 'IN_PROGRESS') => ({
  id, title: `Task ${id}`, description: '', status, creatorId: 'u-alice', assigneeId: 'u-bob', dueDate: null,
  createdAt: new Date('2026-03-01T09:00:00Z'), updatedAt: new Date('2026-03-01T09:00:00Z'),
});

beforeEach(async () => {
  prisma = (await getPrisma()) as unknown as PrismaClient;
  await prisma.$executeRawUnsafe(OUTBOX_TABLE);
  await resetDatabase();
  await prisma.task.createMany({ data: ['t1', 't2', 't3', 't4'].map((id) => row(id)).concat([row('done', 'COMPLETED')]) });
});
afterAll(() => closePrisma());

const outbox = () =>
  prisma.$queryRawUnsafe<{ id: number; type: string; payload: unknown; actor_id: string; published_at: Date | null; attempts: number; last_error: string | null }[]>(
    'SELECT id::int AS id, type, payload, actor_id, published_at, attempts, last_error FROM task_outbox ORDER BY id',
  );
const statusOf = async (id: string) => (await prisma.task.findUnique({ where: { id } }))?.status;

it('completing a task updates it and writes one task.completed outbox row', async () => {
  // The actor is neither the creator nor the assignee, so only actorId can fill the actor fields.
  await completeTaskWithOutbox(prisma, { taskId: 't1', actorId: 'u-mentor', now: NOW });
  expect(await statusOf('t1')).toBe('COMPLETED');
  expect((await prisma.task.findUnique({ where: { id: 't1' } }))?.updatedAt.toISOString()).toBe(NOW.toISOString());
  const rows = await outbox();
  expect(rows.map(({ type, payload, actor_id, published_at }) => ({ type, payload, actor_id, published_at }))).toEqual([
    { type: 'task.completed', payload: { taskId: 't1', actorId: 'u-mentor' }, actor_id: 'u-mentor', published_at: null },
  ]);
  const [created] = await prisma.$queryRawUnsafe<{ created_at: Date }[]>('SELECT created_at FROM task_outbox');
  expect(new Date(created!.created_at).toISOString(), 'created_at is the given now').toBe(NOW.toISOString());
});

it('when the outbox insert fails, the task is not completed either', async () => {
  const outcome = await completeTaskWithOutbox(prisma, { taskId: 't1', actorId: 'u-saboteur', now: NOW }).then(() => 'resolved', () => 'rejected');
  expect(outcome).toBe('rejected');
  expect(await statusOf('t1'), 'the task was completed without its event: the two writes are not one transaction').toBe('IN_PROGRESS');
});

it('the entity rules apply: TASK.ALREADY_COMPLETED and TASK.NOT_FOUND, with no outbox row', async () => {
  for (const [taskId, code] of [['done', 'TASK.ALREADY_COMPLETED'], ['nope', 'TASK.NOT_FOUND']] as const) {
    const error = await completeTaskWithOutbox(prisma, { taskId, actorId: 'u-bob', now: NOW }).then(() => undefined, (e: unknown) => e);
    expect(error, `completing ${taskId}`).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
  }
  expect(await outbox()).toEqual([]);
});

it('the relay publishes in order, marks rows published, and never publishes a row twice', async () => {
  for (const taskId of ['t3', 't1', 't2']) await completeTaskWithOutbox(prisma, { taskId, actorId: 'u-bob', now: NOW });
  const seen: OutboxMessage[] = [];
  expect(await relayOutbox(prisma, async (m) => void seen.push(m), { batchSize: 10, now: NOW })).toEqual({ published: 3, failed: 0 });
  expect(seen.map((m) => (m.payload as { taskId: string }).taskId)).toEqual(['t3', 't1', 't2']);
  expect(seen.every((m) => typeof m.id === 'number' && m.type === 'task.completed')).toBe(true);
  expect((await outbox()).every((r) => r.published_at !== null && new Date(r.published_at).toISOString() === NOW.toISOString())).toBe(true);
  expect(await relayOutbox(prisma, async (m) => void seen.push(m), { batchSize: 10, now: NOW })).toEqual({ published: 0, failed: 0 });
  expect(seen).toHaveLength(3);
});

it('a failed publish is recorded and stops the run; the next run resumes from it, in order', async () => {
  for (const taskId of ['t1', 't2', 't3']) await completeTaskWithOutbox(prisma, { taskId, actorId: 'u-bob', now: NOW });
  const seen: string[] = [];
  const flaky = async (m: OutboxMessage) => {
    const taskId = (m.payload as { taskId: string }).taskId;
    if (taskId === 't2' && !seen.includes('t2-failed')) { seen.push('t2-failed'); throw new Error('broker unavailable'); }
    seen.push(taskId);
  };
  expect(await relayOutbox(prisma, flaky, { batchSize: 10, now: NOW })).toEqual({ published: 1, failed: 1 });
  const after = await outbox();
  expect(after.map((r) => [r.published_at !== null, r.attempts, r.last_error])).toEqual([[true, 0, null], [false, 1, 'broker unavailable'], [false, 0, null]]);
  expect(await relayOutbox(prisma, flaky, { batchSize: 10, now: NOW })).toEqual({ published: 2, failed: 0 });
  expect(seen, 'publish order across the two runs').toEqual(['t1', 't2-failed', 't2', 't3']);
});

it('the relay takes at most batchSize rows per run', async () => {
  for (const taskId of ['t1', 't2', 't3', 't4']) await completeTaskWithOutbox(prisma, { taskId, actorId: 'u-bob', now: NOW });
  const seen: number[] = [];
  expect(await relayOutbox(prisma, async (m) => void seen.push(m.id), { batchSize: 3, now: NOW })).toEqual({ published: 3, failed: 0 });
  expect(await relayOutbox(prisma, async (m) => void seen.push(m.id), { batchSize: 3, now: NOW })).toEqual({ published: 1, failed: 0 });
  expect(seen).toEqual([...seen].sort((a, b) => a - b));
});

it('the relay follows id order, not created_at, and stamps published_at with its own now', async () => {
  const later = new Date(NOW.getTime() + 3_600_000);
  await completeTaskWithOutbox(prisma, { taskId: 't1', actorId: 'u-bob', now: later }); // lower id, later time
  await completeTaskWithOutbox(prisma, { taskId: 't2', actorId: 'u-bob', now: NOW });
  const seen: string[] = [];
  const relayNow = new Date(NOW.getTime() + 7_200_000);
  await relayOutbox(prisma, async (m) => void seen.push((m.payload as { taskId: string }).taskId), { batchSize: 10, now: relayNow });
  expect(seen, 'publish order (t1 has the lower id)').toEqual(['t1', 't2']);
  expect((await outbox()).map((r) => r.published_at && new Date(r.published_at).toISOString())).toEqual([relayNow.toISOString(), relayNow.toISOString()]);
});

it('each failed publish adds 1 to attempts: two failures leave attempts = 2 and the latest error', async () => {
  await completeTaskWithOutbox(prisma, { taskId: 't1', actorId: 'u-bob', now: NOW });
  let n = 0;
  const failing = async () => { n += 1; throw new Error(`broker unavailable #${n}`); };
  expect(await relayOutbox(prisma, failing, { batchSize: 10, now: NOW })).toEqual({ published: 0, failed: 1 });
  expect(await relayOutbox(prisma, failing, { batchSize: 10, now: NOW })).toEqual({ published: 0, failed: 1 });
  expect((await outbox()).map((r) => [r.attempts, r.last_error, r.published_at])).toEqual([[2, 'broker unavailable #2', null]]);
});

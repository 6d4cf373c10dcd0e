import { readFileSync } from 'node:fs';
import { CqrsModule, QueryBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { CLOCK } from '../src/application/ports/clock.port.js';
import { OVERDUE_TASK_READER, type OverdueFilter } from '../src/application/ports/overdue-task-reader.port.js';
import { GetOverdueTasksHandler, GetOverdueTasksQuery } from '../src/application/queries/get-overdue-tasks.handler.js';
import { Task, type TaskProps } from '../src/domain/task/task.entity.js';
import type { PrismaClient } from '../src/generated/prisma/client.js';
import { PrismaOverdueTaskReader } from '../src/infrastructure/persistence/prisma-overdue-task.reader.js';
import { closePrisma, getPrisma, resetDatabase } from './fixtures.js';

afterAll(() => closePrisma());

const NOW = new Date('2026-03-10T12:00:00.000Z');
const day = (d: number) => new Date(Date.UTC(2026, 2, d, 12));

/** Import specifiers of a source file (static and dynamic). */
function importsOf(path: string): string[] {
  const source = readFileSync(new URL(path, import.meta.url), 'utf8');
  return [...source.matchAll(/(?:from\s*|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}
const outward = /(^|\/)(infrastructure|generated|presentation)\/|^@prisma\/|^pg$|^ioredis$|^bullmq$/;

describe('the dependency rule', () => {
  it('the handler imports nothing from infrastructure, generated Prisma code, @prisma/*, pg, Redis or BullMQ', () => {
    const offending = importsOf('../src/application/queries/get-overdue-tasks.handler.ts').filter((s) => outward.test(s));
    expect(offending, 'imports in get-overdue-tasks.handler.ts that point outwards').toEqual([]);
  });
  it('the port imports nothing from outer layers either', () => {
    const offending = importsOf('../src/application/ports/overdue-task-reader.port.ts').filter((s) => outward.test(s));
    expect(offending, 'imports in overdue-task-reader.port.ts that point outwards').toEqual([]);
  });
});

function props(id: string, extra: Partial<TaskProps> = {}): TaskProps {
  return { ...Task.create({ id, title: `Task ${id}`, creatorId: 'u-alice', now: day(1) }).props, ...extra };
}

async function handlerWith(reader: { findOverdue(f: OverdueFilter): Promise<TaskProps[]> }) {
  const moduleRef = await Test.createTestingModule({
    imports: [CqrsModule.forRoot()],
    providers: [GetOverdueTasksHandler, { provide: OVERDUE_TASK_READER, useValue: reader }, { provide: CLOCK, useValue: { now: () => new Date(NOW) } }],
  }).compile();
  await moduleRef.init();
  return moduleRef;
}

describe('the handler, with a fake reader and no database', () => {
  it("asks the port with the clock's now, the limit, and visibleTo only for members; returns task views", async () => {
    const calls: OverdueFilter[] = [];
    const moduleRef = await handlerWith({ findOverdue: async (f) => (calls.push(f), [props('t-1', { dueDate: day(5) })]) });
    const bus = moduleRef.get(QueryBus);
    const views = await bus.execute(new GetOverdueTasksQuery({ id: 'u-bob', role: 'MEMBER' }, 5));
    await bus.execute(new GetOverdueTasksQuery({ id: 'u-mentor', role: 'MENTOR' }, 7));
    await moduleRef.close();
    expect(views, 'the handler returns views (dates as ISO strings)').toEqual([expect.objectContaining({ id: 't-1', dueDate: day(5).toISOString() })]);
    expect(calls[0]?.now?.toISOString(), 'now must come from the injected clock').toBe(NOW.toISOString());
    expect(calls[0]).toMatchObject({ visibleTo: 'u-bob', limit: 5 });
    expect(calls[1]?.visibleTo, 'mentors see every task: no visibleTo').toBeUndefined();
    expect(calls[1]?.limit).toBe(7);
  });
});

describe('the handler: roles and the clock', () => {
  it('admins see every task: the handler passes no visibleTo for an ADMIN', async () => {
    const calls: OverdueFilter[] = [];
    const moduleRef = await handlerWith({ findOverdue: async (f) => (calls.push(f), []) });
    await moduleRef.get(QueryBus).execute(new GetOverdueTasksQuery({ id: 'u-admin', role: 'ADMIN' }, 3));
    await moduleRef.close();
    expect(calls[0]?.visibleTo, 'admins see every task: no visibleTo').toBeUndefined();
    expect(calls[0]?.limit).toBe(3);
  });

  it('each query reads the clock when it runs: a clock that moves gives each query its own now', async () => {
    const calls: OverdueFilter[] = [];
    let clockNow = day(10);
    const moduleRef = await Test.createTestingModule({
      imports: [CqrsModule.forRoot()],
      providers: [GetOverdueTasksHandler, { provide: OVERDUE_TASK_READER, useValue: { findOverdue: async (f: OverdueFilter) => (calls.push(f), []) } }, { provide: CLOCK, useValue: { now: () => new Date(clockNow) } }],
    }).compile();
    await moduleRef.init();
    const bus = moduleRef.get(QueryBus);
    await bus.execute(new GetOverdueTasksQuery({ id: 'u-bob', role: 'MEMBER' }, 5));
    clockNow = day(11);
    await bus.execute(new GetOverdueTasksQuery({ id: 'u-bob', role: 'MEMBER' }, 5));
    await moduleRef.close();
    expect(calls.map((c) => c.now.toISOString())).toEqual([day(10).toISOString(), day(11).toISOString()]);
  });
});

describe('PrismaOverdueTaskReader on a real database', () => {
  const seed = async (prisma: PrismaClient) => {
    await resetDatabase();
    const rows: TaskProps[] = [
      props('late-2', { dueDate: day(8) }),
      props('late-1', { dueDate: day(3), status: 'IN_PROGRESS', assigneeId: 'u-bob' }),
      props('late-done', { dueDate: day(2), status: 'COMPLETED' }),
      props('due-later', { dueDate: day(20) }),
      props('due-now', { dueDate: NOW }),
      props('no-due', { dueDate: null }),
      props('carols', { dueDate: day(4), creatorId: 'u-carol' }),
    ];
    await prisma.task.createMany({ data: rows });
  };

  it('returns tasks past their due date and not completed, earliest due first', async () => {
    const prisma = (await getPrisma()) as unknown as PrismaClient;
    await seed(prisma);
    const found = await new PrismaOverdueTaskReader(prisma).findOverdue({ now: NOW, limit: 10 });
    expect(found.map((t) => t.id)).toEqual(['late-1', 'carols', 'late-2']);
    expect(found[0], 'each result carries every task field').toEqual(props('late-1', { dueDate: day(3), status: 'IN_PROGRESS', assigneeId: 'u-bob' }));
  });

  it('visibleTo keeps the tasks the user created or is assigned, and limit caps the result', async () => {
    const prisma = (await getPrisma()) as unknown as PrismaClient;
    await seed(prisma);
    const reader = new PrismaOverdueTaskReader(prisma);
    expect((await reader.findOverdue({ now: NOW, visibleTo: 'u-bob', limit: 10 })).map((t) => t.id)).toEqual(['late-1']);
    expect((await reader.findOverdue({ now: NOW, visibleTo: 'u-carol', limit: 10 })).map((t) => t.id)).toEqual(['carols']);
    expect((await reader.findOverdue({ now: NOW, limit: 2 })).map((t) => t.id)).toEqual(['late-1', 'carols']);
  });
});

describe('PrismaOverdueTaskReader: ties', () => {
  it('tasks due at the same instant come out by id', async () => {
    const prisma = (await getPrisma()) as unknown as PrismaClient;
    await resetDatabase();
    // Inserted out of id order, so the table order alone does not give the answer.
    await prisma.task.createMany({ data: [props('tie-c', { dueDate: day(5) }), props('tie-a', { dueDate: day(5) }), props('tie-b', { dueDate: day(5) }), props('first', { dueDate: day(4) })] });
    expect((await new PrismaOverdueTaskReader(prisma).findOverdue({ now: NOW, limit: 10 })).map((t) => t.id)).toEqual(['first', 'tie-a', 'tie-b', 'tie-c']);
  });
});

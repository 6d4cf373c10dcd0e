import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { Task, type TaskProps } from '../src/domain/task/task.entity.js';
import type { PrismaClient } from '../src/generated/prisma/client.js';
import { taskFromRow, taskToRow } from '../src/infrastructure/persistence/prisma-task.mapper.js';
import { PrismaTaskRepository } from '../src/infrastructure/persistence/prisma-task.repository.js';
import { createPrismaClient } from '../src/infrastructure/persistence/database.js';
import { closePrisma, databaseUrl, getPrisma, resetDatabase } from './fixtures.js';

const full: TaskProps = {
  id: 'task-full',
  title: 'Migrate the billing tables',
  description: 'Zero downtime, please',
  status: 'IN_PROGRESS',
  creatorId: 'u-alice',
  assigneeId: 'u-bob',
  dueDate: new Date('2026-03-01T12:00:00.000Z'),
  createdAt: new Date('2026-02-01T08:00:00.000Z'),
  updatedAt: new Date('2026-02-02T09:30:00.000Z'),
};
const bare: TaskProps = { ...full, id: 'task-bare', status: 'TODO', assigneeId: null, dueDate: null, description: '' };

let prisma: PrismaClient;
let repo: PrismaTaskRepository;
beforeEach(async () => {
  prisma = (await getPrisma()) as unknown as PrismaClient;
  await resetDatabase();
  repo = new PrismaTaskRepository(prisma);
});
afterAll(() => closePrisma());

describe('mapping', () => {
  it('taskToRow() maps the fields one by one: a property the Task model does not have is not carried into the row', () => {
    const withExtra = { ...full, archivedBy: 'u-root' } as TaskProps;
    const row = taskToRow(Task.restore(withExtra)) as unknown as Record<string, unknown>;
    expect(Object.keys(row).sort(), 'columns in the row (a spread of the props would carry archivedBy too)').toEqual(Object.keys(full).sort());
  });

  it('taskToRow() and taskFromRow() carry every field both ways (nulls and dates included)', () => {
    for (const props of [full, bare]) {
      const row = taskToRow(Task.restore(props));
      expect(row, 'taskToRow(task)').toEqual(props);
      expect(taskFromRow(row).props, 'taskFromRow(row).props').toEqual(props);
    }
  });
});

describe('PrismaTaskRepository on PGlite', () => {
  it('saves a new task and finds it again with every field intact', async () => {
    await repo.save(Task.restore(full));
    await repo.save(Task.restore(bare));
    expect((await repo.findById(full.id))?.props).toEqual(full);
    expect((await repo.findById(bare.id))?.props).toEqual(bare);
  });

  it('findById() returns null for an id that does not exist', async () => {
    expect(await repo.findById('no-such-task')).toBeNull();
  });

  it('findById() returns a Task entity whose rules still work', async () => {
    await repo.save(Task.restore(full));
    const found = await repo.findById(full.id);
    expect(found, 'findById() must return a Task instance, not a plain row').toBeInstanceOf(Task);
    found?.complete(new Date('2026-02-03T00:00:00.000Z'));
    expect(found?.status).toBe('COMPLETED');
  });

  it('saving an existing task updates it in place (upsert): one row, new values, same createdAt', async () => {
    await repo.save(Task.restore(bare));
    const task = (await repo.findById(bare.id)) as Task;
    task.assign('u-carol', new Date('2026-02-05T10:00:00.000Z'));
    task.update({ title: 'Migrate the billing tables, part 2' }, new Date('2026-02-05T10:00:00.000Z'));
    await repo.save(task);
    const rows = await prisma.task.findMany({ where: { id: bare.id } });
    expect(rows, 'rows with this id after saving twice').toHaveLength(1);
    const again = await repo.findById(bare.id);
    expect(again?.props).toMatchObject({ title: 'Migrate the billing tables, part 2', status: 'IN_PROGRESS', assigneeId: 'u-carol' });
    expect(again?.createdAt.toISOString(), 'createdAt must not change on update').toBe(bare.createdAt.toISOString());
    expect(again?.updatedAt.toISOString()).toBe('2026-02-05T10:00:00.000Z');
  });

  it('writes the task into the columns of the tasks table', async () => {
    await repo.save(Task.restore(full));
    const rows = await prisma.$queryRawUnsafe<{ title: string; status: string; creator_id: string; assignee_id: string | null; due_date: Date | null }[]>(
      'select title, status::text as status, creator_id, assignee_id, due_date from tasks where id = $1',
      full.id,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ title: full.title, status: 'IN_PROGRESS', creator_id: 'u-alice', assignee_id: 'u-bob' });
    expect(rows[0]?.due_date?.toISOString()).toBe(full.dueDate?.toISOString());
  });

  it('delete() removes the task and reports whether there was one', async () => {
    await repo.save(Task.restore(full));
    expect(await repo.delete(full.id), 'deleting an existing task').toBe(true);
    expect(await repo.findById(full.id)).toBeNull();
    expect(await repo.delete(full.id), 'deleting it again').toBe(false);
  });

  it('an update keeps the original createdAt, even when the saved task carries another one', async () => {
    await repo.save(Task.restore(bare));
    await repo.save(Task.restore({ ...bare, title: 'Renamed', createdAt: new Date('2030-01-01T00:00:00.000Z') }));
    const again = await repo.findById(bare.id);
    expect(again?.title).toBe('Renamed');
    expect(again?.createdAt.toISOString(), 'createdAt after an update').toBe(bare.createdAt.toISOString());
  });

  it('two saves of the same new task at once, through two database connections, both succeed and leave one row', async () => {
    const other = createPrismaClient({ url: databaseUrl(), poolSize: 1 });
    try {
      await other.$queryRawUnsafe('select 1'); // connected before the race starts
      const results = await Promise.allSettled([
        new PrismaTaskRepository(prisma).save(Task.restore(full)),
        new PrismaTaskRepository(other).save(Task.restore({ ...full, title: 'Migrate the billing tables (again)' })),
      ]);
      const failures = results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason).slice(0, 300)] : []));
      expect(failures, 'saves that failed (a look-then-insert lets both try to insert)').toEqual([]);
      expect(await prisma.task.count({ where: { id: full.id } }), 'rows with this id').toBe(1);
    } finally {
      await other.$disconnect();
    }
  });
});

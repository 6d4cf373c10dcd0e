import { expect, it } from 'vitest';
import { UserLoader, withAssigneeNames, type UserDirectory, type UserSummary } from '../src/application/loaders/user.loader.js';
import { toTaskView } from '../src/application/task-view.js';
import { Task } from '../src/domain/task/task.entity.js';

/** A directory that records every call and answers in reverse order (as a database may). */
function directory(users: UserSummary[]) {
  const calls: string[][] = [];
  let failures = 0;
  const dir: UserDirectory & { calls: string[][]; failNext(): void } = {
    calls,
    failNext: () => { failures += 1; },
    async findManyByIds(ids) {
      calls.push([...ids]);
      await new Promise((r) => setTimeout(r, 5));
      if (failures > 0) { failures -= 1; throw new Error('users table locked'); }
      return users.filter((u) => ids.includes(u.id)).reverse();
    },
  };
  return dir;
}
const people = Array.from({ length: 120 }, (_, i) => ({ id: `u-${i}`, name: `User ${i}` }));

it('loads made in the same tick become one findManyByIds call', async () => {
  const dir = directory(people);
  const loader = new UserLoader(dir);
  const users = await Promise.all(['u-1', 'u-2', 'u-3'].map((id) => loader.load(id)));
  expect(users.map((u) => u?.name)).toEqual(['User 1', 'User 2', 'User 3']);
  expect(dir.calls, 'calls to findManyByIds').toEqual([['u-1', 'u-2', 'u-3']]);
});

it('each id is asked for once per batch, results are matched by id, and unknown ids resolve to null', async () => {
  const dir = directory(people);
  const loader = new UserLoader(dir);
  const users = await Promise.all(['u-7', 'u-404', 'u-7', 'u-3'].map((id) => loader.load(id)));
  expect(users).toEqual([{ id: 'u-7', name: 'User 7' }, null, { id: 'u-7', name: 'User 7' }, { id: 'u-3', name: 'User 3' }]);
  expect(dir.calls).toHaveLength(1);
  expect([...dir.calls[0]!].sort(), 'ids in the one call').toEqual(['u-3', 'u-404', 'u-7']);
});

it('an id loaded again later comes from the cache, even while its first fetch is in flight', async () => {
  const dir = directory(people);
  const loader = new UserLoader(dir);
  const first = loader.load('u-5');
  await Promise.resolve(); // the batch has been sent but not answered
  await new Promise((r) => setTimeout(r, 1));
  const second = loader.load('u-5');
  expect(await first).toEqual({ id: 'u-5', name: 'User 5' });
  expect(await second).toEqual({ id: 'u-5', name: 'User 5' });
  await loader.load('u-5');
  expect(dir.calls, 'u-5 must be fetched once').toEqual([['u-5']]);
});

it('maxBatchSize splits a large batch into several calls of at most that size', async () => {
  const dir = directory(people);
  const loader = new UserLoader(dir, { maxBatchSize: 40 });
  const users = await Promise.all(people.slice(0, 100).map((p) => loader.load(p.id)));
  expect(users.every((u, i) => u?.id === `u-${i}`), 'every load gets its own user').toBe(true);
  expect(dir.calls.map((c) => c.length)).toEqual([40, 40, 20]);
});

it('a failed call rejects every load of its batch, and the ids are fetched again next time', async () => {
  const dir = directory(people);
  const loader = new UserLoader(dir);
  dir.failNext();
  const outcomes = await Promise.allSettled([loader.load('u-1'), loader.load('u-2')]);
  expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
  expect(String((outcomes[0] as PromiseRejectedResult).reason)).toContain('users table locked');
  expect(await loader.load('u-1'), 'a later load retries').toEqual({ id: 'u-1', name: 'User 1' });
  expect(dir.calls).toHaveLength(2);
});

it('withAssigneeNames names the assignees of 50 tasks with one user query', async () => {
  const dir = directory(people);
  const now = new Date('2026-03-02T09:00:00Z');
  const tasks = Array.from({ length: 50 }, (_, i) => {
    const t = Task.create({ id: `t-${i}`, title: `Task number ${i}`, creatorId: 'u-0', now });
    if (i % 10 !== 0) t.assign(`u-${i % 5}`, now);
    return toTaskView(t);
  });
  const named = await withAssigneeNames(tasks, new UserLoader(dir));
  expect(named[1]).toMatchObject({ id: 't-1', assigneeId: 'u-1', assigneeName: 'User 1' });
  expect(named[0]?.assigneeName, 'an unassigned task has no assignee name').toBeNull();
  expect(named.map((t) => t.id)).toEqual(tasks.map((t) => t.id));
  expect(dir.calls, 'user queries for a page of 50 tasks').toHaveLength(1);
});

it('maxBatchSize defaults to 100: exactly 100 ids are one call, 101 ids are two calls (100 then 1)', async () => {
  const exact = directory(people);
  const loaderA = new UserLoader(exact);
  await Promise.all(people.slice(0, 100).map((p) => loaderA.load(p.id)));
  expect(exact.calls.map((c) => c.length), 'call sizes for exactly 100 ids').toEqual([100]);
  const over = directory(people);
  const loaderB = new UserLoader(over);
  await Promise.all(people.slice(0, 101).map((p) => loaderB.load(p.id)));
  expect(over.calls.map((c) => c.length), 'call sizes for 101 ids').toEqual([100, 1]);
});

it('a failed call rejects only the loads of its own batch; the other batch of the same tick resolves', async () => {
  const dir = directory(people);
  const loader = new UserLoader(dir, { maxBatchSize: 2 });
  dir.failNext(); // the first call (u-1, u-2) fails, the second (u-3, u-4) answers
  const outcomes = await Promise.allSettled(['u-1', 'u-2', 'u-3', 'u-4'].map((id) => loader.load(id)));
  expect(outcomes.map((o) => o.status).join(', ')).toBe('rejected, rejected, fulfilled, fulfilled');
  expect((outcomes[2] as PromiseFulfilledResult<UserSummary | null>).value).toEqual({ id: 'u-3', name: 'User 3' });
});

it('a failed call forgets only its own ids: ids loaded successfully before stay in the cache', async () => {
  const dir = directory(people);
  const loader = new UserLoader(dir);
  await loader.load('u-9');
  dir.failNext();
  await Promise.allSettled([loader.load('u-1')]);
  expect(await loader.load('u-9')).toEqual({ id: 'u-9', name: 'User 9' });
  expect(dir.calls, 'u-9 must not be fetched again after another batch failed').toEqual([['u-9'], ['u-1']]);
});

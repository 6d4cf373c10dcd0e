import { expect, it } from 'vitest';
import { sortTasks, TASK_SORT_STRATEGIES } from '../src/application/sorting/task-sort.strategies.js';
import { DomainError } from '../src/domain/shared/domain-error.js';
import { Task, type TaskProps } from '../src/domain/task/task.entity.js';

const day = (d: number) => new Date(Date.UTC(2026, 2, d, 9));
function task(title: string, created: number, extra: { due?: number; status?: 'TODO' | 'IN_PROGRESS' | 'COMPLETED' } = {}): TaskProps {
  const t = Task.create({ id: title, title, creatorId: 'u-alice', now: day(created), dueDate: extra.due === undefined ? null : day(extra.due) });
  if (extra.status === 'IN_PROGRESS') t.assign('u-bob', day(created));
  if (extra.status === 'COMPLETED') t.complete(day(created));
  return t.props;
}
const titles = (tasks: TaskProps[]) => tasks.map((t) => t.title);

const board = () => [
  task('Write docs', 3, { due: 20 }),
  task('Fix login', 1),
  task('Review PR', 2, { due: 10, status: 'IN_PROGRESS' }),
  task('deploy staging', 5, { status: 'COMPLETED' }),
  task('Add metrics', 4, { due: 10 }),
];

it("'due-soonest' puts the earliest due date first and tasks without a due date last", () => {
  expect(titles(sortTasks(board(), 'due-soonest'))).toEqual(['Review PR', 'Add metrics', 'Write docs', 'Fix login', 'deploy staging']);
});

it("'newest' puts the most recently created task first", () => {
  expect(titles(sortTasks(board(), 'newest'))).toEqual(['deploy staging', 'Add metrics', 'Write docs', 'Review PR', 'Fix login']);
});

it("'open-first' orders IN_PROGRESS, then TODO, then COMPLETED, oldest first within a status", () => {
  expect(titles(sortTasks(board(), 'open-first'))).toEqual(['Review PR', 'Fix login', 'Write docs', 'Add metrics', 'deploy staging']);
});

it("'title' sorts alphabetically, ignoring upper and lower case", () => {
  expect(titles(sortTasks(board(), 'title'))).toEqual(['Add metrics', 'deploy staging', 'Fix login', 'Review PR', 'Write docs']);
});

it('sortTasks returns a new array and leaves the given one in its order', () => {
  const tasks = board();
  const before = titles(tasks);
  const sorted = sortTasks(tasks, 'due-soonest');
  expect(sorted, 'sortTasks must return a new array').not.toBe(tasks);
  expect(titles(tasks), 'the input array was reordered').toEqual(before);
});

it('an unknown sort name is refused with TASK.UNKNOWN_SORT naming the valid choices', () => {
  const error = (() => { try { sortTasks(board(), 'priority'); } catch (e) { return e; } return undefined; })();
  expect(error, 'expected a DomainError').toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe('TASK.UNKNOWN_SORT');
  for (const name of ['due-soonest', 'newest', 'open-first', 'title']) expect((error as DomainError).message, 'the message should list the valid names').toContain(name);
});

it('TASK_SORT_STRATEGIES lists the four strategies, each usable on its own', () => {
  expect(TASK_SORT_STRATEGIES.map((s) => s.name).sort()).toEqual(['due-soonest', 'newest', 'open-first', 'title']);
  const byTitle = TASK_SORT_STRATEGIES.find((s) => s.name === 'title');
  const [a, b] = [task('alpha', 1), task('Beta', 2)];
  expect(byTitle?.compare(a, b), "compare('alpha', 'Beta') for the title strategy").toBeLessThan(0);
});

it("'due-soonest' orders equal due dates, and tasks without a due date, oldest first whatever the input order", () => {
  // Given newest first, so keeping the input order is not enough.
  const tasks = [task('Late no-due', 6), task('Late due', 5, { due: 10 }), task('Early no-due', 2), task('Early due', 1, { due: 10 })];
  expect(titles(sortTasks(tasks, 'due-soonest'))).toEqual(['Early due', 'Late due', 'Early no-due', 'Late no-due']);
});

it("'title' treats titles that differ only in case as equal, and puts the older one first", () => {
  const tasks = [task('deploy staging', 5), task('Deploy Staging', 1), task('DEPLOY STAGING', 3)];
  expect(sortTasks(tasks, 'title').map((t) => `${t.title} (day ${t.createdAt.getUTCDate()})`)).toEqual(['Deploy Staging (day 1)', 'DEPLOY STAGING (day 3)', 'deploy staging (day 5)']);
});

it("'newest' keeps the input order of tasks created at the same instant", () => {
  const tasks = [task('Zulu', 2), task('Alpha', 2), task('Mike', 2), task('Older', 1)];
  expect(titles(sortTasks(tasks, 'newest'))).toEqual(['Zulu', 'Alpha', 'Mike', 'Older']);
});

it('a sort name that is a built-in object property (toString, constructor, __proto__) is refused with TASK.UNKNOWN_SORT', () => {
  for (const name of ['toString', 'constructor', '__proto__']) {
    const error = (() => { try { sortTasks(board(), name); } catch (e) { return e; } return undefined; })();
    expect(error, `sortTasks(…, '${name}') must throw a DomainError`).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('TASK.UNKNOWN_SORT');
  }
});

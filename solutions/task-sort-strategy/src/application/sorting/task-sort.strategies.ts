import { DomainError } from '../../domain/shared/domain-error.js';
import type { TaskProps } from '../../domain/task/task.entity.js';
import { TaskStatus } from '../../domain/task/task-status.js';

/** One way of ordering tasks; `compare` follows the Array.prototype.sort contract. */
export interface TaskSortStrategy {
  readonly name: string;
  compare(a: TaskProps, b: TaskProps): number;
}

const oldestFirst = (a: TaskProps, b: TaskProps): number => a.createdAt.getTime() - b.createdAt.getTime();

/** Runs `primary`, and `oldestFirst` when it finds the two tasks equal. */
const thenOldest =
  (primary: (a: TaskProps, b: TaskProps) => number) =>
  (a: TaskProps, b: TaskProps): number =>
    primary(a, b) || oldestFirst(a, b);

const OPEN_FIRST_RANK: Record<TaskStatus, number> = {
  [TaskStatus.IN_PROGRESS]: 0,
  [TaskStatus.TODO]: 1,
  [TaskStatus.COMPLETED]: 2,
};

/** Every strategy the board offers; add an entry to offer a new order. */
export const TASK_SORT_STRATEGIES: readonly TaskSortStrategy[] = [
  {
    name: 'due-soonest',
    compare: thenOldest((a, b) => {
      if (a.dueDate === null || b.dueDate === null) return (a.dueDate === null ? 1 : 0) - (b.dueDate === null ? 1 : 0);
      return a.dueDate.getTime() - b.dueDate.getTime();
    }),
  },
  { name: 'newest', compare: (a, b) => b.createdAt.getTime() - a.createdAt.getTime() },
  { name: 'open-first', compare: thenOldest((a, b) => OPEN_FIRST_RANK[a.status] - OPEN_FIRST_RANK[b.status]) },
  { name: 'title', compare: thenOldest((a, b) => a.title.localeCompare(b.title, 'en', { sensitivity: 'base' })) },
];

const BY_NAME = new Map(TASK_SORT_STRATEGIES.map((s) => [s.name, s]));

/** The tasks ordered by the strategy called `name`; throws TASK.UNKNOWN_SORT for an unknown name. */
export function sortTasks(tasks: readonly TaskProps[], name: string): TaskProps[] {
  const strategy = BY_NAME.get(name);
  if (!strategy) {
    throw new DomainError('TASK.UNKNOWN_SORT', `Unknown sort "${name}"; use one of: ${[...BY_NAME.keys()].join(', ')}.`);
  }
  return [...tasks].sort((a, b) => strategy.compare(a, b));
}

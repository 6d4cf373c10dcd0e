import { DomainError } from '../../domain/shared/domain-error.js';
import type { TaskProps } from '../../domain/task/task.entity.js';

/** One way of ordering tasks; `compare` follows the Array.prototype.sort contract. */
export interface TaskSortStrategy {
  readonly name: string;
  compare(a: TaskProps, b: TaskProps): number;
}

/** Every strategy the board offers. */
export const TASK_SORT_STRATEGIES: readonly TaskSortStrategy[] = [];

/** The tasks ordered by the strategy called `name`; throws TASK.UNKNOWN_SORT for an unknown name. */
export function sortTasks(tasks: readonly TaskProps[], name: string): TaskProps[] {
  // TODO: one switch that grows with every new order. Replace it with strategies.
  switch (name) {
    case 'newest':
      return [...tasks].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    default:
      throw new DomainError('TASK.UNKNOWN_SORT', `Unknown sort "${name}".`);
  }
}

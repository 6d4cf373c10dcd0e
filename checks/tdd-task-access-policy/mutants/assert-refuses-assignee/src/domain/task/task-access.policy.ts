import { DomainError } from '../shared/domain-error.js';
import type { Actor } from '../user/actor.js';
import { UserRole } from '../user/user-role.js';

/** The part of a task that decides who may see or change it. */
export interface TaskOwnership {
  id: string;
  creatorId: string;
  assigneeId: string | null;
}

/** Mentors and admins see every task; a member sees the tasks they created or were given. */
export function canSeeTask(task: TaskOwnership, actor: Actor): boolean {
  return actor.role !== UserRole.MEMBER || task.creatorId === actor.id || task.assigneeId === actor.id;
}

/** Changing follows the same rule as seeing; kept separate so the two can diverge deliberately. */
export function canChangeTask(task: TaskOwnership, actor: Actor): boolean {
  return canSeeTask(task, actor);
}

export function assertCanChangeTask(task: TaskOwnership, actor: Actor): void {
  if (actor.role === UserRole.MEMBER && task.creatorId !== actor.id) {
    throw new DomainError(
      'TASK.FORBIDDEN',
      `User ${actor.id} may not change task ${task.id}: members change only tasks they created or are assigned to.`,
    );
  }
}

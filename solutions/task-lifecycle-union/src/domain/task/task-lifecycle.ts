import type { TaskStatus } from './task-status.js';

export type TaskAction =
  | { type: 'assign'; userId: string }
  | { type: 'unassign' }
  | { type: 'complete' }
  | { type: 'reopen' };

export interface LifecycleState {
  status: TaskStatus;
  assigneeId: string | null;
}

export type Transition = ({ ok: true } & LifecycleState) | { ok: false; code: string };

/** For exhaustive switches: a compile error when a case is missing, a TypeError at run time. */
export function assertNever(value: never): never {
  throw new TypeError(`Unexpected value: ${JSON.stringify(value)}`);
}

const refuse = (code: string): Transition => ({ ok: false, code });
const to = (status: TaskStatus, assigneeId: string | null): Transition => ({ ok: true, status, assigneeId });

/** What `action` does to a task in `current`, or why it is refused. */
export function nextState(current: LifecycleState, action: TaskAction): Transition {
  const completed = current.status === 'COMPLETED';
  switch (action.type) {
    case 'assign':
      return completed ? refuse('TASK.CANNOT_ASSIGN_COMPLETED') : to('IN_PROGRESS', action.userId);
    case 'unassign':
      if (completed) return refuse('TASK.ALREADY_COMPLETED');
      return current.status === 'IN_PROGRESS' ? to('TODO', null) : refuse('TASK.NOT_ASSIGNED');
    case 'complete':
      return completed ? refuse('TASK.ALREADY_COMPLETED') : to('COMPLETED', current.assigneeId);
    case 'reopen':
      if (!completed) return refuse('TASK.NOT_COMPLETED');
      return to(current.assigneeId === null ? 'TODO' : 'IN_PROGRESS', current.assigneeId);
    default:
      return assertNever(action);
  }
}

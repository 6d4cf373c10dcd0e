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

/** What `action` does to a task in `current`, or why it is refused. */
export function nextState(current: LifecycleState, action: TaskAction): Transition {
  // TODO: every action is accepted and nothing is checked.
  if (action.type === 'assign') return { ok: true, status: 'IN_PROGRESS', assigneeId: action.userId };
  if (action.type === 'complete') return { ok: true, status: 'COMPLETED', assigneeId: current.assigneeId };
  return { ok: true, status: 'TODO', assigneeId: null };
}

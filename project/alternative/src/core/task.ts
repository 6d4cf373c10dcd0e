import { Problem, problems } from './problem.js';

export type TaskStatus = 'TODO' | 'IN_PROGRESS' | 'COMPLETED';

export interface Task {
  readonly id: string;
  readonly title: string;
  readonly description: string | null;
  readonly status: TaskStatus;
  readonly creatorId: string;
  readonly assigneeId: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The people who may see a task and hear about it: its creator and its assignee. */
export function parties(task: Task): string[] {
  return task.assigneeId && task.assigneeId !== task.creatorId ? [task.creatorId, task.assigneeId] : [task.creatorId];
}

export function canSee(task: Task, userId: string): boolean {
  return parties(task).includes(userId);
}

export function draftTask(id: string, creatorId: string, title: string, description: string | null, now: Date): Task {
  const at = now.toISOString();
  return { id, title, description, status: 'TODO', creatorId, assigneeId: null, createdAt: at, updatedAt: at };
}

export function edited(task: Task, change: { title?: string; description?: string | null }, now: Date): Task {
  return {
    ...task,
    title: change.title ?? task.title,
    description: change.description === undefined ? task.description : change.description,
    updatedAt: now.toISOString(),
  };
}

export function assigned(task: Task, assigneeId: string, now: Date): Task {
  if (task.status === 'COMPLETED') throw problems.cannotAssignCompleted();
  return { ...task, assigneeId, status: 'IN_PROGRESS', updatedAt: now.toISOString() };
}

export function completed(task: Task, now: Date): Task {
  if (task.status === 'COMPLETED') throw problems.alreadyCompleted();
  return { ...task, status: 'COMPLETED', updatedAt: now.toISOString() };
}

/** Only the creator may delete or (re)assign a task; creator and assignee may edit and complete it. */
export function ensureCreator(task: Task, userId: string): void {
  if (task.creatorId !== userId) throw problems.forbidden();
}

export function ensureParty(task: Task, userId: string): void {
  if (!canSee(task, userId)) throw problems.forbidden();
}

export { Problem };

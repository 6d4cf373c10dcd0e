import type { StoredAccount } from '../core/account.js';
import type { Task } from '../core/task.js';

export interface AccountStore {
  insert(account: StoredAccount): Promise<'ok' | 'email-taken'>;
  byEmail(email: string): Promise<StoredAccount | undefined>;
  exists(id: string): Promise<boolean>;
}

export interface Page<T> {
  readonly items: T[];
  readonly total: number;
}

export interface TaskStore {
  insert(task: Task): Promise<void>;
  byId(id: string): Promise<Task | undefined>;
  replace(task: Task): Promise<void>;
  remove(id: string): Promise<void>;
  visibleTo(userId: string, offset: number, limit: number): Promise<Page<Task>>;
}

/** A copy of single tasks kept in front of the store (Redis in production, nothing in tests). */
export interface TaskCopies {
  get(id: string): Promise<Task | undefined>;
  put(task: Task): Promise<void>;
  drop(id: string): Promise<void>;
}

export type TaskEvent = 'task:created' | 'task:updated' | 'task:completed' | 'task:deleted';

/** Tells the people concerned about a change (socket.io rooms in production). */
export interface TaskBroadcast {
  announce(event: TaskEvent, task: Task, to: string[]): void;
}

/** Queues a notice to the creator when someone else completes their task. */
export interface CompletionNotices {
  taskCompletedBy(task: Task, completerId: string): Promise<void>;
}

export interface PasswordHasher {
  hash(plain: string): Promise<string>;
  matches(plain: string, hash: string): Promise<boolean>;
}

export interface TokenService {
  issue(userId: string): string;
  /** The user id a token was issued to, or undefined when it is not one of ours or has expired. */
  verify(token: string): string | undefined;
}

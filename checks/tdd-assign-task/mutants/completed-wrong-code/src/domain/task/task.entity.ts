import { DomainError } from '../shared/domain-error.js';
import { TaskStatus } from './task-status.js';

export const TITLE_MIN_LENGTH = 3;
export const TITLE_MAX_LENGTH = 100;
export const DESCRIPTION_MAX_LENGTH = 1000;

/** Everything a task is made of; what the repository stores and `Task.restore` accepts. */
export interface TaskProps {
  id: string;
  title: string;
  description: string;
  status: TaskStatus;
  /** The user who created the task; members may change the tasks they created. */
  creatorId: string;
  assigneeId: string | null;
  dueDate: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface CreateTaskProps {
  title: string;
  description?: string | undefined;
  dueDate?: Date | null | undefined;
  creatorId: string;
  /** Defaults to a random UUID; pass one to make tests deterministic. */
  id?: string | undefined;
  now?: Date | undefined;
}

/** The fields `update()` may change; status moves only through assign() and complete(). */
export interface TaskChanges {
  title?: string | undefined;
  description?: string | undefined;
  dueDate?: Date | null | undefined;
}

/**
 * The Task aggregate. Its state changes only through methods that enforce the rules, so a Task
 * held in memory is always valid: code elsewhere never has to re-check a title or a status.
 */
export class Task {
  private constructor(private state: TaskProps) {}

  /** A new task: validates the input, starts in TODO, unassigned. */
  static create(input: CreateTaskProps): Task {
    const now = input.now ?? new Date();
    return new Task({
      id: input.id ?? crypto.randomUUID(),
      title: validTitle(input.title),
      description: validDescription(input.description ?? ''),
      status: TaskStatus.TODO,
      creatorId: input.creatorId,
      assigneeId: null,
      dueDate: validDueDate(input.dueDate ?? null),
      createdAt: now,
      updatedAt: now,
    });
  }

  /** Rebuilds a task that was valid when saved (from the database or the cache): no re-validation. */
  static restore(props: TaskProps): Task {
    return new Task({ ...props });
  }

  get id(): string { return this.state.id; }
  get title(): string { return this.state.title; }
  get description(): string { return this.state.description; }
  get status(): TaskStatus { return this.state.status; }
  get creatorId(): string { return this.state.creatorId; }
  get assigneeId(): string | null { return this.state.assigneeId; }
  get dueDate(): Date | null { return this.state.dueDate; }
  get createdAt(): Date { return this.state.createdAt; }
  get updatedAt(): Date { return this.state.updatedAt; }
  get isCompleted(): boolean { return this.state.status === TaskStatus.COMPLETED; }

  /** Marks the task done. Completing twice is a mistake worth reporting, not a silent no-op. */
  complete(now: Date = new Date()): void {
    if (this.isCompleted) {
      throw new DomainError('TASK.ALREADY_COMPLETED', `Task ${this.id} is already completed.`);
    }
    this.state = { ...this.state, status: TaskStatus.COMPLETED, updatedAt: now };
  }

  /** Gives the task to a user, which means work has started: the status becomes IN_PROGRESS. */
  assign(userId: string, now: Date = new Date()): void {
    if (this.isCompleted) {
      throw new DomainError(
        'TASK.FORBIDDEN',
        `Task ${this.id} is completed and can no longer be assigned.`,
      );
    }
    this.state = { ...this.state, assigneeId: userId, status: TaskStatus.IN_PROGRESS, updatedAt: now };
  }

  /** Changes title, description or due date; fields left undefined keep their value. */
  update(changes: TaskChanges, now: Date = new Date()): void {
    const next = { ...this.state };
    if (changes.title !== undefined) next.title = validTitle(changes.title);
    if (changes.description !== undefined) next.description = validDescription(changes.description);
    if (changes.dueDate !== undefined) next.dueDate = validDueDate(changes.dueDate);
    next.updatedAt = now;
    this.state = next;
  }

  /** A copy of the state: callers can read or serialise it without being able to change the task. */
  get props(): TaskProps {
    return { ...this.state };
  }

  toJSON(): TaskProps {
    return this.props;
  }
}

function validTitle(raw: string): string {
  const title = raw.trim();
  if (title.length < TITLE_MIN_LENGTH || title.length > TITLE_MAX_LENGTH) {
    throw new DomainError(
      'TASK.INVALID_TITLE',
      `A task title must be ${TITLE_MIN_LENGTH}–${TITLE_MAX_LENGTH} characters after trimming; got ${title.length}.`,
      { min: TITLE_MIN_LENGTH, max: TITLE_MAX_LENGTH, length: title.length },
    );
  }
  return title;
}

function validDescription(raw: string): string {
  const description = raw.trim();
  if (description.length > DESCRIPTION_MAX_LENGTH) {
    throw new DomainError(
      'TASK.INVALID_DESCRIPTION',
      `A task description may have at most ${DESCRIPTION_MAX_LENGTH} characters; got ${description.length}.`,
      { max: DESCRIPTION_MAX_LENGTH, length: description.length },
    );
  }
  return description;
}

function validDueDate(dueDate: Date | null): Date | null {
  if (dueDate !== null && Number.isNaN(dueDate.getTime())) {
    throw new DomainError('TASK.INVALID_DUE_DATE', 'The due date is not a valid date.');
  }
  return dueDate;
}

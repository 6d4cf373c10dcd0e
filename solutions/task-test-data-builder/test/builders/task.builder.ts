import { Task } from '../../src/domain/task/task.entity.js';

/** The creation time of every built task unless createdAt() says otherwise. */
export const BUILDER_EPOCH = new Date('2026-01-05T09:00:00.000Z');

interface TaskSpec {
  readonly id?: string;
  readonly title: string;
  readonly description: string;
  readonly creatorId: string;
  readonly createdAt: Date;
  readonly dueDate: Date | null;
  readonly assigneeId?: string;
  readonly completed: boolean;
}

const DEFAULTS: TaskSpec = {
  title: 'A task',
  description: '',
  creatorId: 'u-creator',
  createdAt: BUILDER_EPOCH,
  dueDate: null,
  completed: false,
};

let built = 0;

/** Immutable: every method returns a new builder, so a shared base can be specialised safely. */
export class TaskBuilder {
  constructor(private readonly spec: TaskSpec = DEFAULTS) {}

  withId(id: string): TaskBuilder { return this.with({ id }); }
  titled(title: string): TaskBuilder { return this.with({ title }); }
  describedAs(description: string): TaskBuilder { return this.with({ description }); }
  createdBy(creatorId: string): TaskBuilder { return this.with({ creatorId }); }
  createdAt(createdAt: Date): TaskBuilder { return this.with({ createdAt }); }
  dueOn(dueDate: Date): TaskBuilder { return this.with({ dueDate }); }
  assignedTo(assigneeId: string): TaskBuilder { return this.with({ assigneeId }); }
  completed(): TaskBuilder { return this.with({ completed: true }); }

  /** Replays the choices through the entity, in an order its rules allow. */
  build(): Task {
    const s = this.spec;
    const task = Task.create({
      id: s.id ?? `task-${++built}`,
      title: s.title,
      description: s.description,
      creatorId: s.creatorId,
      dueDate: s.dueDate,
      now: s.createdAt,
    });
    if (s.assigneeId !== undefined) task.assign(s.assigneeId, s.createdAt);
    if (s.completed) task.complete(s.createdAt);
    return task;
  }

  private with(changes: Partial<TaskSpec>): TaskBuilder {
    return new TaskBuilder({ ...this.spec, ...changes });
  }
}

/** A builder with sensible defaults: aTask().assignedTo('u-bob').build(). */
export function aTask(): TaskBuilder {
  return new TaskBuilder();
}

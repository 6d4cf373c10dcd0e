import { Task } from '../../src/domain/task/task.entity.js';

/** The creation time of every built task unless createdAt() says otherwise. */
export const BUILDER_EPOCH = new Date('2026-01-05T09:00:00.000Z');

export class TaskBuilder {
  private title = 'A task';

  withId(id: string): TaskBuilder { return this; }
  titled(title: string): TaskBuilder { this.title = title; return this; }
  describedAs(text: string): TaskBuilder { return this; }
  createdBy(userId: string): TaskBuilder { return this; }
  createdAt(date: Date): TaskBuilder { return this; }
  dueOn(date: Date): TaskBuilder { return this; }
  assignedTo(userId: string): TaskBuilder { return this; }
  completed(): TaskBuilder { return this; }

  build(): Task {
    // TODO: defaults, every choice, distinct ids, immutability.
    return Task.create({ title: this.title, creatorId: 'u-creator' });
  }
}

/** A builder with sensible defaults: aTask().assignedTo('u-bob').build(). */
export function aTask(): TaskBuilder {
  return new TaskBuilder();
}

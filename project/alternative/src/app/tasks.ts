import { randomUUID } from 'node:crypto';
import { problems } from '../core/problem.js';
import {
  assigned,
  completed,
  draftTask,
  edited,
  ensureCreator,
  ensureParty,
  parties,
  type Task,
} from '../core/task.js';
import type { AccountStore, CompletionNotices, Page, TaskBroadcast, TaskCopies, TaskStore } from './ports.js';

export interface TaskDeps {
  readonly tasks: TaskStore;
  readonly accounts: AccountStore;
  readonly copies: TaskCopies;
  readonly broadcast: TaskBroadcast;
  readonly notices: CompletionNotices;
  readonly now?: () => Date;
}

/** The write side: every method loads, applies a rule of the entity, stores, drops the cached copy, tells. */
export class TaskCommands {
  private readonly now: () => Date;
  constructor(private readonly deps: TaskDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async create(actorId: string, title: string, description: string | null): Promise<Task> {
    const task = draftTask(randomUUID(), actorId, title, description, this.now());
    await this.deps.tasks.insert(task);
    this.deps.broadcast.announce('task:created', task, parties(task));
    return task;
  }

  async edit(actorId: string, id: string, change: { title?: string; description?: string | null }): Promise<Task> {
    const task = await this.load(id);
    ensureParty(task, actorId);
    return this.save(edited(task, change, this.now()), 'task:updated');
  }

  async assign(actorId: string, id: string, assigneeId: string): Promise<Task> {
    const task = await this.load(id);
    ensureCreator(task, actorId);
    const next = assigned(task, assigneeId, this.now());
    if (!(await this.deps.accounts.exists(assigneeId))) throw problems.userNotFound(assigneeId);
    return this.save(next, 'task:updated');
  }

  async complete(actorId: string, id: string): Promise<Task> {
    const task = await this.load(id);
    ensureParty(task, actorId);
    const done = await this.save(completed(task, this.now()), 'task:completed');
    if (done.creatorId !== actorId) await this.deps.notices.taskCompletedBy(done, actorId);
    return done;
  }

  async remove(actorId: string, id: string): Promise<void> {
    const task = await this.load(id);
    ensureCreator(task, actorId);
    await this.deps.tasks.remove(id);
    await this.deps.copies.drop(id);
    this.deps.broadcast.announce('task:deleted', task, parties(task));
  }

  private async load(id: string): Promise<Task> {
    const task = await this.deps.tasks.byId(id);
    if (!task) throw problems.taskNotFound(id);
    return task;
  }

  private async save(task: Task, event: 'task:updated' | 'task:completed'): Promise<Task> {
    await this.deps.tasks.replace(task);
    await this.deps.copies.drop(task.id);
    this.deps.broadcast.announce(event, task, parties(task));
    return task;
  }
}

/** The read side: single tasks through the cache, lists straight from the store. */
export class TaskQueries {
  constructor(
    private readonly tasks: TaskStore,
    private readonly copies: TaskCopies,
  ) {}

  async one(actorId: string, id: string): Promise<Task> {
    let task = await this.copies.get(id);
    if (!task) {
      task = await this.tasks.byId(id);
      if (!task) throw problems.taskNotFound(id);
      await this.copies.put(task);
    }
    ensureParty(task, actorId);
    return task;
  }

  async page(actorId: string, page: number, limit: number): Promise<Page<Task>> {
    return this.tasks.visibleTo(actorId, (page - 1) * limit, limit);
  }
}

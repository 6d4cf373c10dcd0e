import type { TaskView } from '../task-view.js';

export interface UserSummary {
  id: string;
  name: string;
}

/** Finds users by id; the result may be in any order and leaves out ids that do not exist. */
export interface UserDirectory {
  findManyByIds(ids: readonly string[]): Promise<UserSummary[]>;
}

interface Pending {
  id: string;
  resolve(user: UserSummary | null): void;
  reject(error: unknown): void;
}

/** DataLoader-style: loads of one tick become one query; promises are cached per id. */
export class UserLoader {
  private readonly cache = new Map<string, Promise<UserSummary | null>>();
  private queue: Pending[] = [];
  private readonly maxBatchSize: number;

  constructor(
    private readonly directory: UserDirectory,
    options: { maxBatchSize?: number } = {},
  ) {
    this.maxBatchSize = options.maxBatchSize ?? 100;
  }

  /** The user with this id, or null; batched with every other load of the same tick. */
  load(id: string): Promise<UserSummary | null> {
    const cached = this.cache.get(id);
    if (cached) return cached;
    const promise = new Promise<UserSummary | null>((resolve, reject) => {
      this.queue.push({ id, resolve, reject });
      // The first load of a tick schedules the flush; later ones just join the queue.
      if (this.queue.length === 1) queueMicrotask(() => this.flush());
    });
    this.cache.set(id, promise);
    return promise;
  }

  private flush(): void {
    const queued = this.queue;
    this.queue = [];
    for (let i = 0; i < queued.length; i += this.maxBatchSize) void this.fetch(queued.slice(i, i + this.maxBatchSize));
  }

  private async fetch(batch: Pending[]): Promise<void> {
    try {
      const users = await this.directory.findManyByIds(batch.map((p) => p.id));
      const byId = new Map(users.map((u) => [u.id, u]));
      for (const p of batch) p.resolve(byId.get(p.id) ?? null);
    } catch (error) {
      for (const p of batch) {
        this.cache.delete(p.id); // a failure is not remembered: the next load retries
        p.reject(error);
      }
    }
  }
}

/** The tasks with their assignee's name, loaded through `loader` (one query per page). */
export async function withAssigneeNames(tasks: TaskView[], loader: UserLoader): Promise<(TaskView & { assigneeName: string | null })[]> {
  return Promise.all(
    tasks.map(async (task) => ({ ...task, assigneeName: task.assigneeId ? ((await loader.load(task.assigneeId))?.name ?? null) : null })),
  );
}

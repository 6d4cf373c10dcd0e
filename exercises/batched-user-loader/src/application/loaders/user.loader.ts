import type { TaskView } from '../task-view.js';

export interface UserSummary {
  id: string;
  name: string;
}

/** Finds users by id; the result may be in any order and leaves out ids that do not exist. */
export interface UserDirectory {
  findManyByIds(ids: readonly string[]): Promise<UserSummary[]>;
}

export class UserLoader {
  constructor(
    private readonly directory: UserDirectory,
    private readonly options: { maxBatchSize?: number } = {},
  ) {}

  /** The user with this id, or null; batched with every other load of the same tick. */
  async load(id: string): Promise<UserSummary | null> {
    // TODO: one query per call — the N+1 problem.
    const [user] = await this.directory.findManyByIds([id]);
    return user ?? null;
  }
}

/** The tasks with their assignee's name, loaded through `loader`. */
export async function withAssigneeNames(tasks: TaskView[], loader: UserLoader): Promise<(TaskView & { assigneeName: string | null })[]> {
  const out = [];
  for (const task of tasks) {
    const user = task.assigneeId ? await loader.load(task.assigneeId) : null;
    out.push({ ...task, assigneeName: user?.name ?? null });
  }
  return out;
}

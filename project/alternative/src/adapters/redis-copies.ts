import type { Redis } from 'ioredis';
import type { TaskCopies } from '../app/ports.js';
import type { Task } from '../core/task.js';

/** Cache-aside copies of single tasks under `<prefix>task:<id>`, kept a minute at most. */
export class RedisTaskCopies implements TaskCopies {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlSeconds = 60,
  ) {}

  private key(id: string): string {
    return `${this.prefix}task:${id}`;
  }

  async get(id: string): Promise<Task | undefined> {
    const text = await this.redis.get(this.key(id));
    return text ? (JSON.parse(text) as Task) : undefined;
  }

  async put(task: Task): Promise<void> {
    await this.redis.set(this.key(task.id), JSON.stringify(task), 'EX', this.ttlSeconds);
  }

  async drop(id: string): Promise<void> {
    await this.redis.del(this.key(id));
  }
}

export const noCopies: TaskCopies = {
  get: async () => undefined,
  put: async () => {},
  drop: async () => {},
};

export class PoolTimeoutError extends Error {
  override readonly name = 'PoolTimeoutError';
}

export interface PoolOptions<C> {
  create(): Promise<C>;
  destroy(connection: C): Promise<void>;
  max: number;
  acquireTimeoutMs: number;
}

interface Waiter<C> {
  resolve(connection: C): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/** At most `max` connections, lent out first come, first served. */
export class ConnectionPool<C> {
  private readonly idle: C[] = [];
  private readonly waiters: Waiter<C>[] = [];
  /** Connections that exist or are being created. */
  private size = 0;

  constructor(private readonly options: PoolOptions<C>) {}

  async acquire(): Promise<C> {
    const ready = this.idle.pop();
    if (ready !== undefined) return ready;
    if (this.size < this.options.max) return this.createOne();
    return new Promise<C>((resolve, reject) => {
      const waiter: Waiter<C> = {
        resolve,
        reject,
        timer: setTimeout(() => {
          // Out of the line first, so a later release cannot hand it a connection.
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          reject(new PoolTimeoutError(`No connection free within ${this.options.acquireTimeoutMs} ms (pool max ${this.options.max}).`));
        }, this.options.acquireTimeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  release(connection: C, how: { broken?: boolean } = {}): void {
    if (how.broken) {
      this.size -= 1;
      void this.options.destroy(connection).catch(() => undefined);
      // A slot is free: the first waiter gets a fresh connection.
      const waiter = this.waiters.shift();
      if (waiter) {
        clearTimeout(waiter.timer);
        this.createOne().then(waiter.resolve, waiter.reject);
      }
      return;
    }
    const waiter = this.waiters.shift();
    if (waiter) {
      clearTimeout(waiter.timer);
      waiter.resolve(connection);
    } else {
      this.idle.push(connection);
    }
  }

  stats(): { size: number; idle: number; waiting: number } {
    return { size: this.size, idle: this.idle.length, waiting: this.waiters.length };
  }

  private async createOne(): Promise<C> {
    this.size += 1; // counted before the await, so concurrent callers cannot overshoot max
    try {
      return await this.options.create();
    } catch (error) {
      this.size -= 1;
      throw error;
    }
  }
}

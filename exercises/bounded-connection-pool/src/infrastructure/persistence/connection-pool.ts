export class PoolTimeoutError extends Error {
  override readonly name = 'PoolTimeoutError';
}

export interface PoolOptions<C> {
  create(): Promise<C>;
  destroy(connection: C): Promise<void>;
  max: number;
  acquireTimeoutMs: number;
}

/** At most `max` connections, lent out first come, first served. */
export class ConnectionPool<C> {
  constructor(private readonly options: PoolOptions<C>) {}

  async acquire(): Promise<C> {
    // TODO: a new connection for every caller, never reused, no limit.
    return this.options.create();
  }

  release(connection: C, how: { broken?: boolean } = {}): void {
    void this.options.destroy(connection);
  }

  stats(): { size: number; idle: number; waiting: number } {
    return { size: 0, idle: 0, waiting: 0 };
  }
}

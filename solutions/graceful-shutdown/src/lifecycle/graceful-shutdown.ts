export interface Resource {
  name: string;
  close(): Promise<void>;
}

export interface ShutdownReport {
  drained: boolean;
  abandoned: number;
  closed: string[];
  failed: { name: string; error: string }[];
}

export class ShuttingDownError extends Error {
  readonly code = 'SERVICE.SHUTTING_DOWN';
  override name = 'ShuttingDownError';
}

/** Stops accepting work, drains what is in flight, then closes resources newest first. */
export class ShutdownCoordinator {
  private readonly resources: Resource[] = [];
  private readonly inFlight = new Set<Promise<unknown>>();
  private shuttingDown: Promise<ShutdownReport> | undefined;

  constructor(private readonly options: { drainTimeoutMs: number }) {}

  get isShuttingDown(): boolean {
    return this.shuttingDown !== undefined;
  }

  register(resource: Resource): void {
    this.resources.push(resource);
  }

  track<T>(work: () => Promise<T>): Promise<T> {
    if (this.shuttingDown) return Promise.reject(new ShuttingDownError('the service is shutting down; retry on another instance'));
    const running = work();
    const settled = running.then(
      () => undefined,
      () => undefined,
    );
    this.inFlight.add(settled);
    void settled.finally(() => this.inFlight.delete(settled));
    return running;
  }

  shutdown(): Promise<ShutdownReport> {
    this.shuttingDown ??= this.run();
    return this.shuttingDown;
  }

  private async run(): Promise<ShutdownReport> {
    const drained = await this.drain();
    const report: ShutdownReport = { drained, abandoned: this.inFlight.size, closed: [], failed: [] };
    // Last opened, first closed: later resources depend on earlier ones.
    for (const resource of [...this.resources].reverse()) {
      try {
        await resource.close();
        report.closed.push(resource.name);
      } catch (error) {
        report.failed.push({ name: resource.name, error: error instanceof Error ? error.message : String(error) });
      }
    }
    return report;
  }

  /** True when all in-flight work settled before the deadline. */
  private async drain(): Promise<boolean> {
    if (this.inFlight.size === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), this.options.drainTimeoutMs);
    });
    try {
      return await Promise.race([Promise.allSettled([...this.inFlight]).then(() => true as const), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }
}

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
  constructor(private readonly options: { drainTimeoutMs: number }) {}

  get isShuttingDown(): boolean {
    throw new Error('Not implemented: isShuttingDown');
  }

  register(resource: Resource): void {
    throw new Error(`Not implemented: register(${resource.name})`);
  }

  track<T>(work: () => Promise<T>): Promise<T> {
    throw new Error(`Not implemented: track (${typeof work})`);
  }

  shutdown(): Promise<ShutdownReport> {
    throw new Error('Not implemented: shutdown');
  }
}

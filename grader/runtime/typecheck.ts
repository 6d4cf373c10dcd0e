// Runner-child side of the type checker: one worker thread per workspace, warmed at start-up.
import { Worker } from 'node:worker_threads';
import type { TypeDiagnostic, TypeRequest } from './typecheck-worker.ts';

export type { TypeDiagnostic };

export class TypeChecker {
  private readonly worker: Worker;
  private nextId = 1;
  private dead = false;
  private readonly pending = new Map<number, (diagnostics: TypeDiagnostic[]) => void>();

  constructor(workspace: string) {
    this.worker = new Worker(new URL('./typecheck-worker.ts', import.meta.url), {
      workerData: { workspace },
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });
    this.worker.on('message', ({ id, diagnostics }: { id: number; diagnostics: TypeDiagnostic[] }) => {
      this.pending.get(id)?.(diagnostics);
      this.pending.delete(id);
    });
    // A checker that dies (out of memory) must not fail grading: it simply reports nothing more.
    this.worker.on('error', () => this.settleAll());
    this.worker.on('exit', () => this.settleAll());
    this.worker.unref();
  }

  /** Type errors in `files` (absolute paths); `changed` lists every path rewritten since last time. */
  check(files: string[], changed: string[]): Promise<TypeDiagnostic[]> {
    if (this.dead) return Promise.resolve([]);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ id, files, changed } satisfies TypeRequest);
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }

  private settleAll(): void {
    this.dead = true;
    for (const resolve of this.pending.values()) resolve([]);
    this.pending.clear();
  }
}

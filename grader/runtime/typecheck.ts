// Runner-child side of the type checker: one worker thread per workspace, warmed at start-up.
import { type Dirent, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TypeDiagnostic } from '../protocol.ts';
import type { TypeRequest } from './typecheck-worker.ts';

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
    // Load the standard library and Node's types now, while nobody waits: the first real check
    // then only reads the learner's files and what they import.
    const sample = firstSourceFile(join(workspace, 'src'));
    if (sample) void this.check([sample], []);
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

/** A TypeScript file of the service to warm the checker with (the first found, depth first). */
function firstSourceFile(dir: string): string | undefined {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) return join(dir, entry.name);
  }
  for (const entry of entries) {
    if (entry.isDirectory() && entry.name !== 'generated') {
      const found = firstSourceFile(join(dir, entry.name));
      if (found) return found;
    }
  }
  return undefined;
}

// Runners for untrusted code (a mentor re-grading someone else's report): each is a fresh sandbox
// used for exactly one grade and discarded after it, so nothing one report's code did can reach
// the next. Starting one costs a Vitest start-up, so one spare is kept warming in the background
// (with its database started) while the current one grades.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Slot } from './grade-run.ts';
import { RunnerHost, type RunnerHostOptions } from './runner-host.ts';
import { Workspace } from './workspace.ts';

export class FreshRunners {
  private readonly root: string;
  private readonly base: string;
  private readonly id: string;
  private readonly options: RunnerHostOptions;
  private spare: Slot | undefined;
  private made = 0;
  private readonly live = new Set<Slot>();
  /** Re-grades run one at a time: at most one runner in use and one warming. */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(root: string, base: string, id: string, options: RunnerHostOptions) {
    this.root = root;
    this.base = base;
    this.id = id;
    this.options = options;
  }

  /** Starts the spare now (otherwise the first re-grade starts it). */
  warm(): void {
    this.spare ??= this.make();
  }

  /** Runs `use` on a never-used runner, then discards that runner; a new spare warms meanwhile. */
  async withFresh<T>(use: (slot: Slot) => Promise<T>): Promise<T> {
    const mine = this.turn.then(async () => {
      const slot = this.spare ?? this.make();
      this.spare = this.make();
      try {
        return await use(slot);
      } finally {
        void this.discard(slot);
      }
    });
    this.turn = mine.catch(() => undefined);
    return mine;
  }

  async close(): Promise<void> {
    this.spare = undefined;
    await Promise.all([...this.live].map((slot) => this.discard(slot)));
  }

  private make(): Slot {
    const workspace = new Workspace(join(this.root, 'service'), join(this.base, `${this.id}-fresh-${++this.made}`));
    workspace.apply(new Map());
    const host = new RunnerHost(workspace.dir, { ...this.options, warmDatabase: true });
    host.start().catch(() => undefined); // a failure resurfaces in the grade that uses it
    const slot = { workspace, host };
    this.live.add(slot);
    return slot;
  }

  private async discard(slot: Slot): Promise<void> {
    if (!this.live.delete(slot)) return;
    await slot.host.close();
    rmSync(slot.workspace.dir, { recursive: true, force: true });
  }
}

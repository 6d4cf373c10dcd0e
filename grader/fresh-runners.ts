// Runners for untrusted code (a mentor re-grading someone else's report): each is a fresh sandbox
// used for exactly one grade and discarded after it, so nothing one report's code did can reach
// the next. Starting one costs a Vitest start-up, so spares are started in the background while
// the current one grades; the type check, which only reads code, runs on one warm checker shared
// by every fresh runner.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Slot } from './grade-run.ts';
import { RunnerHost, type RunnerHostOptions } from './runner-host.ts';
import { TypeChecker } from './runtime/typecheck.ts';
import { Workspace } from './workspace.ts';

/**
 * Runners kept warming ahead of the re-grades. A runner's start and warm-up take longer than most
 * grades, so with one spare each re-grade would wait for it; two keep both cores busy (a cohort's
 * reports arrive one after another) at the cost of one more idle sandbox (~300 MB).
 */
const SPARES = Number(process.env['WORKBOOK_REGRADE_SPARES'] ?? 2);
/**
 * Spares whose database is loaded from the snapshot already, for re-grades of `db` exercises: the
 * load costs ~3 CPU-seconds, so only these spares pay it, on the core the grade leaves idle, and
 * only a db re-grade uses one up.
 */
const DB_SPARES = Number(process.env['WORKBOOK_REGRADE_DB_SPARES'] ?? 1);

export class FreshRunners {
  private readonly root: string;
  private readonly base: string;
  private readonly id: string;
  private readonly options: RunnerHostOptions;
  /** Never-used runners warming or warm, oldest first (SPARES of them once re-grades begin). */
  private spares: Slot[] = [];
  /** The same, with the database loaded (DB_SPARES of them). */
  private dbSpares: Slot[] = [];
  private made = 0;
  private readonly live = new Set<Slot>();
  /** Each runner's warm-up (it must end before the runner grades anything). */
  private readonly warming = new Map<Slot, Promise<unknown>>();
  /** One warm type checker for every fresh runner, on a workspace of its own (see Slot.typecheck). */
  private types: { workspace: Workspace; checker: TypeChecker } | undefined;
  /** Re-grades run one at a time: one runner in use while the spares warm. */
  private turn: Promise<unknown> = Promise.resolve();

  /** Settles once the database snapshot exists (or cannot be made): spares start after it, so they load it. */
  private readonly snapshotReady: Promise<unknown>;

  constructor(root: string, base: string, id: string, options: RunnerHostOptions, snapshotReady?: Promise<unknown>) {
    this.root = root;
    this.base = base;
    this.id = id;
    this.options = options;
    this.snapshotReady = snapshotReady ?? Promise.resolve();
  }

  /** Starts the spares now (otherwise the first re-grade starts them). */
  warm(): void {
    this.refill();
    void this.typecheck(new Map()); // builds the shared checker's program now
  }

  /**
   * Runs `use` on a never-used runner (one with its database loaded when `db`), then discards that
   * runner; a new spare of the same kind warms meanwhile.
   */
  async withFresh<T>(use: (slot: Slot) => Promise<T>, db = false): Promise<T> {
    const mine = this.turn.then(async () => {
      const spare = (db ? this.dbSpares : this.spares).shift();
      if (process.env['WORKBOOK_DEBUG'])
        console.error(`[grader] re-grade (db: ${db}) on ${spare ? 'a spare' : 'a new runner'}`);
      const slot = spare ?? this.make(db);
      this.refill();
      await this.warming.get(slot);
      try {
        return await use(slot);
      } finally {
        void this.discard(slot);
      }
    });
    this.turn = mine.catch(() => undefined);
    return mine;
  }

  /** Tops the spares up to SPARES and DB_SPARES. */
  private refill(): void {
    while (this.spares.length < SPARES) this.spares.push(this.make(false));
    while (this.dbSpares.length < DB_SPARES) this.dbSpares.push(this.make(true));
  }

  async close(): Promise<void> {
    this.spares = [];
    this.dbSpares = [];
    await Promise.all([...this.live].map((slot) => this.discard(slot)));
    const types = this.types;
    this.types = undefined;
    if (types) {
      await types.checker.close();
      rmSync(types.workspace.dir, { recursive: true, force: true });
    }
  }

  /** Type errors of the learner's files, from the shared warm checker (overlaid on its own copy of the service). */
  private async typecheck(files: Map<string, string>) {
    if (!this.types) {
      const workspace = new Workspace(join(this.root, 'service'), join(this.base, `${this.id}-fresh-types`));
      workspace.apply(new Map());
      this.types = { workspace, checker: new TypeChecker(workspace.dir) };
    }
    const { workspace, checker } = this.types;
    const changed = workspace.apply(files);
    return checker.check(
      [...files.keys()].map((path) => join(workspace.dir, path)),
      changed,
    );
  }

  private make(db: boolean): Slot {
    const workspace = new Workspace(join(this.root, 'service'), join(this.base, `${this.id}-fresh-${++this.made}`));
    workspace.apply(new Map());
    // Nothing the re-grade may not need is loaded ahead: a warm-up of every service package costs
    // ~3 CPU-seconds, most re-grades use few of them, and a cohort's reports come back to back, so
    // spares compete with the grade for the two cores. The run loads what its exercise imports
    // before its clock starts (runner-child.ts). Only a db spare loads its database ahead.
    // Its runs are type-checked on the shared checker (Slot.typecheck): it builds no checker of its own.
    const host = new RunnerHost(workspace.dir, {
      ...this.options,
      typecheck: false,
      ...(db ? { warmDatabase: true } : {}),
    });
    const slot: Slot = { workspace, host, typecheck: (files) => this.typecheck(files) };
    this.live.add(slot);
    // A failure here resurfaces in the grade that uses the runner.
    this.warming.set(
      slot,
      this.snapshotReady.then(() => host.start()).catch(() => undefined),
    );
    return slot;
  }

  private async discard(slot: Slot): Promise<void> {
    if (!this.live.delete(slot)) return;
    this.warming.delete(slot);
    await slot.host.close();
    rmSync(slot.workspace.dir, { recursive: true, force: true });
  }
}

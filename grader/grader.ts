// The warm grader: a small pool of slots (workspace + warm runner), a FIFO queue in front of it,
// and the event stream every front door (page API, CLI, WebContainer) consumes.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadExercise, type LoadedExercise } from '../src/catalog/load.ts';
import {
  REPORT_VERSION,
  checkReportSchema,
  gradeRequestSchema,
  type CheckReport,
  type EngineName,
  type GradeEvent,
  type GradeRequest,
} from '../src/schemas/report.ts';
import type { TddStage } from '../src/schemas/exercise.ts';
import { expectedChecks, gradeOnSlot, type Slot } from './grade-run.ts';
import { DEFAULT_REDIS_URL } from './redis.ts';
import { removeAbandonedSocketDirs, RunnerHost } from './runner-host.ts';
import { attemptsIn } from './sandbox/attempts.ts';
import { detectIsolation, HOW_TO_ISOLATE, type IsolationMode } from './sandbox/isolation.ts';
import { ensureDatabaseSnapshot } from './runtime/database-snapshot.ts';
import { FreshRunners } from './fresh-runners.ts';
import { Workspace } from './workspace.ts';

export interface GradeOptions {
  signal?: AbortSignal;
  onEvent?: (event: GradeEvent) => void;
  engine?: EngineName;
}

export interface Grader {
  /** Queues one grade; emits 'queued', 'started', one 'check' per result, then 'report'. */
  grade(request: GradeRequest, options?: GradeOptions): Promise<CheckReport>;
  close(): Promise<void>;
}

export interface CreateGraderOptions {
  /** Repository root holding exercises/, solutions/, checks/ and service/. */
  root?: string;
  /** Grades that may run at once, each in its own workspace (default 1). */
  concurrency?: number;
  /** Redis for `needs: ["redis"]` exercises (default $REDIS_URL or redis://127.0.0.1:6379). */
  redisUrl?: string;
  /** Heap cap, in MB, of the process that runs learner code (default 512). */
  workerMemoryMb?: number;
  /** Start the embedded database with the runners (the first db grade then skips seconds of start-up). */
  warmDatabase?: boolean;
  /**
   * 'auto' (default): every runner in a bubblewrap sandbox when the machine allows it, else under
   * Node's permission model. 'none' exists only to measure what isolation costs (benchmarks).
   */
  isolation?: IsolationMode;
  /** Load the service's packages into every new kept worker before its first grade (a long-lived server). */
  warmWorker?: boolean;
  /** Start the spare fresh sandbox for re-grades now (a mentor's server); otherwise the first re-grade starts it. */
  warmRegrade?: boolean;
}

interface Job {
  start: (slot: Slot) => void;
  cancel: () => void;
}

let instances = 0;

/** Starts a grader whose runners warm up in the background; the first grade waits for one. */
export async function createGrader(options: CreateGraderOptions = {}): Promise<Grader> {
  const root = options.root ?? join(import.meta.dirname, '..');
  const redisUrl = options.redisUrl ?? process.env['REDIS_URL'] ?? DEFAULT_REDIS_URL;
  const base = join(root, '.workbook', 'workspaces');
  removeAbandonedWorkspaces(base);
  removeAbandonedSocketDirs(isAlive);
  const id = `${process.pid}-${++instances}`;
  // Made once per machine and set of migrations; until it exists, runners migrate their own database.
  const databaseSnapshots = join(root, '.workbook', 'db-snapshots');
  const snapshotReady = ensureDatabaseSnapshot(join(root, 'service'), databaseSnapshots).catch((error: unknown) => {
    if (process.env['WORKBOOK_DEBUG']) console.error('[grader] no database snapshot:', error);
  });
  const free: Slot[] = [];
  const all: Slot[] = [];
  for (let i = 0; i < Math.max(1, options.concurrency ?? 1); i++) {
    const workspace = new Workspace(join(root, 'service'), join(base, `${id}-${i}`));
    workspace.apply(new Map()); // copy the service before the runner starts in it
    const host = new RunnerHost(workspace.dir, {
      ...(options.workerMemoryMb ? { workerMemoryMb: options.workerMemoryMb } : {}),
      ...(options.warmDatabase ? { warmDatabase: true } : {}),
      ...(options.warmWorker ? { warmWorker: true } : {}),
      isolation: options.isolation ?? 'auto',
      redisUrl,
      databaseSnapshots,
    });
    const slot = { workspace, host };
    slot.host.start().catch(() => undefined); // warm now; a failure resurfaces on the first run
    free.push(slot);
    all.push(slot);
  }
  const queue: Job[] = [];
  let closed = false;
  const mode = options.isolation ?? 'auto';
  const { isolation, reason: isolationReason } =
    mode === 'auto'
      ? detectIsolation()
      : { isolation: mode, reason: `the grader was created with isolation "${mode}"` };
  const fresh = new FreshRunners(
    root,
    base,
    id,
    {
      ...(options.workerMemoryMb ? { workerMemoryMb: options.workerMemoryMb } : {}),
      isolation: mode,
      redisUrl,
      databaseSnapshots,
    },
    snapshotReady,
  );
  if (options.warmRegrade && isolation === 'bubblewrap') fresh.warm();

  const release = (slot: Slot) => {
    const next = queue.shift();
    if (next) next.start(slot);
    else free.push(slot);
  };

  async function grade(request: GradeRequest, gradeOptions: GradeOptions = {}): Promise<CheckReport> {
    if (closed) throw new Error('this grader is closed; create a new one with createGrader()');
    const { signal, onEvent } = gradeOptions;
    const parsed = gradeRequestSchema.safeParse(request);
    if (!parsed.success)
      throw new Error(
        `invalid grade request: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`,
      );
    signal?.throwIfAborted();
    const exercise = loadExercise(root, parsed.data.exerciseId);
    const files = submittedFiles(exercise, parsed.data.files);
    const stage = stageOf(exercise, parsed.data.stage);
    const emit = (event: GradeEvent) => onEvent?.(event);

    if (parsed.data.purpose === 'regrade') return gradeUntrusted(exercise, files, gradeOptions, stage);

    const slot = await new Promise<Slot>((resolve, reject) => {
      const ready = free.pop();
      emit({ type: 'queued', position: ready ? 0 : queue.length + 1 });
      if (ready) return resolve(ready);
      const job: Job = {
        start: (s) => {
          signal?.removeEventListener('abort', job.cancel);
          resolve(s);
        },
        cancel: () => {
          queue.splice(queue.indexOf(job), 1);
          reject(signal?.reason ?? new Error('aborted'));
        },
      };
      queue.push(job);
      signal?.addEventListener('abort', job.cancel, { once: true });
    });
    try {
      return await gradeOn(slot, exercise, files, gradeOptions, stage);
    } finally {
      release(slot);
    }
  }

  /** Someone else's code (a mentor's re-grade): a fresh sandbox used once, or a refusal that says how to get one. */
  async function gradeUntrusted(
    exercise: LoadedExercise,
    files: Record<string, string>,
    gradeOptions: GradeOptions,
    stage: TddStage | undefined,
  ): Promise<CheckReport> {
    const emit = (event: GradeEvent) => gradeOptions.onEvent?.(event);
    emit({ type: 'queued', position: 0 });
    if (isolation !== 'bubblewrap') {
      const report = checkReportSchema.parse({
        version: REPORT_VERSION,
        exerciseId: exercise.manifest.id,
        status: 'error',
        checks: expectedChecks(exercise, stage).map((name) => ({ name, status: 'skipped', durationMs: 0 })),
        ...(stage ? { stage } : {}),
        message: `Not re-graded: this machine cannot sandbox untrusted code (${isolationReason}). ${HOW_TO_ISOLATE}`,
        durationMs: 0,
        engine: gradeOptions.engine ?? 'local',
        isolation,
        finishedAt: new Date().toISOString(),
      });
      emit({ type: 'report', report });
      return report;
    }
    return fresh.withFresh(
      (slot) => gradeOn(slot, exercise, files, gradeOptions, stage),
      exercise.manifest.needs.includes('db'),
    );
  }

  async function gradeOn(
    slot: Slot,
    exercise: LoadedExercise,
    files: Record<string, string>,
    gradeOptions: GradeOptions,
    stage: TddStage | undefined,
  ): Promise<CheckReport> {
    const { signal } = gradeOptions;
    const emit = (event: GradeEvent) => gradeOptions.onEvent?.(event);
    const started = performance.now();
    signal?.throwIfAborted();
    emit({ type: 'started', exerciseId: exercise.manifest.id, checks: expectedChecks(exercise, stage) });
    const verdict = await gradeOnSlot(slot, exercise, files, {
      root,
      redisUrl,
      signal,
      stage,
      onCheck: (check) => emit({ type: 'check', check }),
    });
    signal?.throwIfAborted();
    const report = checkReportSchema.parse({
      version: REPORT_VERSION,
      exerciseId: exercise.manifest.id,
      status: verdict.status,
      checks: verdict.checks,
      ...(verdict.message ? { message: verdict.message } : {}),
      durationMs: Math.round(performance.now() - started),
      engine: gradeOptions.engine ?? 'local',
      isolation: slot.host.isolation,
      ...(stage ? { stage } : {}),
      ...withAttempts([
        ...new Set([
          ...(verdict.attempts ?? []),
          ...attemptsIn([verdict.message, ...verdict.checks.map((c) => c.message)]),
        ]),
      ]),
      finishedAt: new Date().toISOString(),
    });
    emit({ type: 'report', report });
    return report;
  }

  async function close(): Promise<void> {
    closed = true;
    for (const job of queue.splice(0)) job.cancel();
    await Promise.all([...all.map((slot) => slot.host.close()), fresh.close()]);
    for (const slot of all) rmSync(slot.workspace.dir, { recursive: true, force: true });
  }

  return { grade, close };
}

const withAttempts = (attempts: string[]) => (attempts.length > 0 ? { attempts } : {});

/** The stage a request grades: tdd exercises default to the spec stage; other kinds have no stages. */
function stageOf(exercise: LoadedExercise, requested: TddStage | undefined): TddStage | undefined {
  if (exercise.manifest.kind === 'tdd') return requested ?? 'spec';
  if (requested)
    throw new Error(
      `exercise "${exercise.manifest.id}" is a ${exercise.manifest.kind} exercise, graded in one stage; "stage" applies only to tdd exercises`,
    );
  return undefined;
}

/** The learner's files, restricted to the exercise's editable paths; a missing file falls back to its starter. */
function submittedFiles(exercise: LoadedExercise, files: Record<string, string>): Record<string, string> {
  const editable = exercise.manifest.files.filter((f) => f.editable).map((f) => f.path);
  const unknown = Object.keys(files).filter((p) => !editable.includes(p));
  if (unknown.length > 0) {
    throw new Error(
      `"${unknown[0]}" is not an editable file of exercise "${exercise.manifest.id}"; its editable files are: ${editable.join(', ')}`,
    );
  }
  return Object.fromEntries(editable.map((p) => [p, files[p] ?? exercise.starter[p] ?? '']));
}

/** Workspaces of grader processes that no longer run (crashed or killed) are deleted. */
function removeAbandonedWorkspaces(base: string): void {
  if (!existsSync(base)) return;
  for (const name of readdirSync(base)) {
    const pid = Number(name.split('-')[0]);
    if (!Number.isInteger(pid) || pid === process.pid || isAlive(pid)) continue;
    rmSync(join(base, name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

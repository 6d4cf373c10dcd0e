// A warm grading process for one workspace: keeps Vitest (and, when an exercise needs it, one
// PGlite) alive between runs, runs the spec files it is sent, and streams results to the parent.
// The parent supervises it: a run over its limit gets this whole process group killed.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Reporter, SerializedError, TestCase, TestModule } from 'vitest/node';
import { createVitest } from 'vitest/node';
import { importGuardPlugin } from './import-guard.ts';
import type { ChildMessage, ParentMessage, RawError, RawModule, RawTest, RunRequest } from './protocol.ts';
import {
  keptWorkerId,
  keptWorkerReady,
  persistentForks,
  recycleWorker,
  useSealedWorker,
  witnessSummary,
} from './runtime/persistent-pool.ts';
import { TypeChecker } from './runtime/typecheck.ts';
import { servicePackages, warmUpSpec } from './runtime/warm-up.ts';
import type { Isolation } from '../src/schemas/report.ts';
import { which } from './sandbox/isolation.ts';
import { bridgeTcpToUnix } from './sandbox/redis-bridge.ts';
import { workerLaunch } from './sandbox/worker-flags.ts';

const started = performance.now();
const workspace = process.argv[2];
if (!workspace || !process.send) {
  console.error('runner-child: usage: node grader/runner-child.ts <workspace> (started by the grader over IPC)');
  process.exit(2);
}
const send = (message: ChildMessage) => process.send?.(message);
const workerMemoryMb = Number(process.env['WORKBOOK_WORKER_MEMORY_MB'] ?? 512);
/** The kept worker is replaced after this many runs, so leaks and learner side effects cannot pile up. */
const RUNS_PER_WORKER = Number(process.env['WORKBOOK_RUNS_PER_WORKER'] ?? 50);
// The worker process outlives runs, so per-run settings travel in a file its setup reads.
const runFile = join(workspace, '.workbook-run.json');
process.env['WORKBOOK_RUN_FILE'] = runFile;
let runsOnWorker = 0;
/** Learner runs this process has done: the first one transforms the service's modules cold. */
let learnerRuns = 0;
/**
 * WORKBOOK_WARM_WORKER=1: every new kept worker runs the trusted warm-up spec (runtime/warm-up.ts)
 * before any learner code, off every learner's clock. It lives at the workspace's root, which the
 * worker cannot write and the grader's workspace leaves alone (dot files), and is rewritten each time.
 */
const warmWorker = process.env['WORKBOOK_WARM_WORKER'] === '1';
const warmUpFile = join(workspace, '.workbook-warm-up.check.ts');
/** Packages the current kept worker has loaded through warm-ups (reset with each new worker). */
let warmed: { worker: number | undefined; packages: Set<string> } = { worker: undefined, packages: new Set() };
const isolation = (process.env['WORKBOOK_ISOLATION'] ?? 'none') as Isolation;
// Inside bubblewrap there is no network: Redis is this sandbox's own loopback, bridged to the host.
const redisSocket = process.env['WORKBOOK_REDIS_SOCKET'];
if (redisSocket) await bridgeTcpToUnix(6379, redisSocket);
const workerTmp = process.env['TMPDIR'] ?? join(workspace, '.tmp');
const launchOptions = {
  isolation,
  repo: join(import.meta.dirname, '..'),
  workspace,
  tmp: workerTmp,
  readFiles: [runFile],
  heapMb: workerMemoryMb,
  prlimit: which('prlimit'),
  node: process.execPath,
};
const launch = { ...workerLaunch(launchOptions), sealed: workerLaunch({ ...launchOptions, sealed: true }) };
/** When the last run ended with something still running in the worker (see replaceWorkerIfBusy). */
let suspectSince: number | undefined;

/** The database module, once loaded (declared up here: the start-up code below already uses it). */
let database: typeof import('./runtime/database-host.ts') | undefined;

let currentRun = -1;
/** This run's learner files (implement exercises): their imports of the runner or grader are refused. */
let guarded: ReadonlySet<string> = new Set();
const reporter: Reporter = {
  onTestCaseReady(testCase) {
    send({ type: 'case-start', runId: currentRun, file: testCase.module.moduleId, name: testCase.name });
  },
  onTestCaseResult(testCase) {
    send({ type: 'case', runId: currentRun, test: toRawTest(testCase) });
  },
};

const vitest = await createVitest(
  'test',
  {
    root: workspace,
    config: false,
    watch: false,
    include: ['__checks__/**/*.check.ts', 'src/**/*.spec.ts', 'test/**/*.spec.ts'],
    // One kept worker process (see persistent-pool.ts) with a capped heap, and under isolation
    // Node's permission model and rlimits (sandbox/worker-flags.ts): runaway memory kills only it. `isolate` makes Vitest re-evaluate every transformed module for each file.
    pool: persistentForks(launch),
    // Snapshot files live in the worker's private tmp: it may read nothing else of the workspace
    // (not even __checks__), and checks do not use snapshots.
    resolveSnapshotPath: (testPath: string, extension: string) =>
      join(workerTmp, '__snapshots__', `${testPath.replace(/[^A-Za-z0-9_.-]/g, '_')}${extension}`),
    maxWorkers: 1,
    isolate: true,
    // The worker keeps the config of its first run; the parent enforces each exercise's limit.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    setupFiles: [join(import.meta.dirname, 'runtime', 'setup.ts')],
    reporters: [reporter],
    printConsoleTrace: false,
    // Failure messages show the whole values: a truncated `{…(4)}` hides what differs.
    chaiConfig: { truncateThreshold: 0 },
    silent: false,
    passWithNoTests: true,
    // Off: modules served from Vitest's on-disk transform cache never enter Vite's module graph,
    // so invalidateFile() cannot reach them and an overlaid file (a mutant) would be served stale.
    fsModuleCache: false,
    teardownTimeout: 1000,
  },
  {
    cacheDir: join(workspace, '.vite-cache'),
    logLevel: 'silent',
    server: { watch: null },
    plugins: [importGuardPlugin(() => guarded)],
  },
);
await vitest.standalone();
/**
 * The type checker (a worker thread that builds its program at start: ~2 CPU-seconds). Runners
 * whose runs are type-checked elsewhere (re-grades: one checker shared by every fresh runner) are
 * started with WORKBOOK_TYPECHECK=0 and never build one unless a run asks.
 */
let checker: TypeChecker | undefined =
  process.env['WORKBOOK_TYPECHECK'] === '0' ? undefined : new TypeChecker(workspace);
send({ type: 'ready', startupMs: Math.round(performance.now() - started) });
// Asked to start the database ahead of the first db exercise: seconds saved on that grade.
if (process.env['WORKBOOK_WARM_DB'] === '1')
  void loadDatabase()
    .then((d) => d.startDatabase(workspace))
    // The first db run starts it again and reports what fails then; this line is for the grader's log.
    .catch((error: unknown) => console.error('[grader] could not start the database ahead:', error));

let queue = Promise.resolve();
queue = queue.then(ensureWarm);
process.on('message', (message: ParentMessage) => {
  if (message.type === 'close') {
    queue = queue.then(async () => {
      await vitest.close();
      await checker?.close();
      await closeDatabase();
      process.exit(0);
    });
    return;
  }
  queue = queue
    .then(() => run(message))
    .catch((error: unknown) => {
      send({
        type: 'failed',
        runId: message.runId,
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    });
});
// The parent is gone: nothing will ever ask for a run again.
process.on('disconnect', () => process.exit(0));

async function run(request: RunRequest): Promise<void> {
  currentRun = request.runId;
  guarded = new Set(request.guard);
  useSealedWorker(request.sealed);
  await replaceWorkerIfBusy();
  if (!request.sealed) {
    // A worker replaced just now (busy, or the other launch) is warmed too, and the packages this
    // exercise imports are loaded into it if they are not yet: before the clock starts.
    await ensureWarm();
    const missing = notWarmed(request.warmUp);
    if (missing.length > 0) await warmKeptWorker(missing);
  }
  for (const file of request.invalidate) vitest.invalidateFile(file);
  let dbResetMs = 0;
  const env: Record<string, string> = { ...request.env };
  if (request.db) {
    const t = performance.now();
    env['WORKBOOK_DATABASE_URL'] = await resetDatabase(workspace as string);
    dbResetMs = performance.now() - t;
  }
  writeFileSync(runFile, JSON.stringify({ env, invalidate: request.invalidate }));
  const cold = learnerRuns++ === 0 || !keptWorkerReady(request.sealed);
  // From here on the time is the learner's: the parent starts the run's clock now.
  send({ type: 'running', runId: request.runId, cold });
  const project = vitest.getRootProject();
  const t = performance.now();
  if (request.typecheck.length > 0) checker ??= new TypeChecker(workspace as string);
  const types =
    checker && request.typecheck.length > 0
      ? checker.check(request.typecheck, request.invalidate)
      : Promise.resolve([]);
  const result = await vitest.runTestSpecifications(request.specs.map((spec) => project.createSpecification(spec)));
  const vitestMs = performance.now() - t;
  // Learner code is done running: the type check that may still be going is the grader's time.
  send({ type: 'tested', runId: request.runId });
  const typeErrors = await types;
  const typecheckMs = performance.now() - t;
  // Report in the order the specs were given (Vitest may run them in another order).
  const order = (file: string) => request.specs.indexOf(file);
  // Vitest returns every module it has seen in this process; keep this run's only.
  const ran = result.testModules.filter((m) => order(m.moduleId) >= 0);
  const modules: RawModule[] = ran
    .sort((a, b) => order(a.moduleId) - order(b.moduleId))
    .map((module: TestModule) => ({
      file: module.moduleId,
      tests: [...module.children.allTests()].map(toRawTest),
      errors: module.errors().map(toRawError),
    }));
  const unhandled = result.unhandledErrors.map((e) => toRawError(e as SerializedError));
  const crashed = unhandled.length > 0 || modules.some((m) => m.errors.length > 0);
  // Every run ends with the worker's summary: the checks' own outcomes (implement) and whether the
  // run left anything behind (timers, sockets, tampering), which decides if the worker is reused.
  const summary = await witnessSummary();
  if (process.env['WORKBOOK_DEBUG']) console.error('[grader] witness', JSON.stringify(summary));
  const dirty = !summary || summary.attempts.length > 0;
  // Something still running may be Vitest's own throttled update (gone within ~100 ms) or what the
  // run left (an interval, a socket): looked at again before the next run, off this run's clock.
  suspectSince = !dirty && summary.leftover.length > 0 ? performance.now() : undefined;
  // A run that crashed or left the kept worker dirty (patched globals, timers) gets a fresh one.
  if (crashed || dirty || ++runsOnWorker >= RUNS_PER_WORKER) {
    recycleWorker();
    runsOnWorker = 0;
    queue = queue.then(ensureWarm);
  }
  send({
    type: 'done',
    runId: request.runId,
    modules,
    unhandled,
    typeErrors,
    timings: { dbResetMs: Math.round(dbResetMs), vitestMs: Math.round(vitestMs), typecheckMs: Math.round(typecheckMs) },
    ...(request.witness ? { witness: summary ?? null } : {}),
  });
}

/** With WORKBOOK_WARM_WORKER, makes sure the kept worker exists and has run the warm-up spec. */
async function ensureWarm(): Promise<void> {
  if (warmWorker && !keptWorkerReady(false)) await warmKeptWorker(servicePackages(workspace as string));
}

/** Of these packages, those no warm-up has loaded into the current kept worker. */
function notWarmed(packages: string[]): string[] {
  const worker = keptWorkerId();
  if (worker === undefined || worker !== warmed.worker) return packages;
  return packages.filter((name) => !warmed.packages.has(name));
}

/**
 * Runs the trusted warm-up spec (the packages given) in the kept worker, starting one if there is
 * none: either no learner code has run in it yet, or the packages are a subset of what learner
 * runs there could already import. It is rewritten before each use, never followed through a link.
 */
async function warmKeptWorker(packages: string[]): Promise<void> {
  currentRun = -1;
  guarded = new Set();
  useSealedWorker(false);
  try {
    rmSync(warmUpFile, { force: true });
    writeFileSync(warmUpFile, warmUpSpec(packages), { flag: 'wx' });
    writeFileSync(runFile, JSON.stringify({ env: {}, invalidate: [] }));
    const project = vitest.getRootProject();
    const result = await vitest.runTestSpecifications([project.createSpecification(warmUpFile)]);
    if (process.env['WORKBOOK_DEBUG'])
      console.error(
        '[grader] warm-up',
        result.testModules.map((m) => [m.moduleId, m.state(), m.errors()]),
      );
    // The warm-up is the worker's first run: what it holds now is its baseline, not a leftover.
    const summary = await witnessSummary();
    if (!summary || summary.attempts.length > 0) recycleWorker();
    else {
      const worker = keptWorkerId();
      if (worker !== warmed.worker) warmed = { worker, packages: new Set() };
      for (const name of packages) warmed.packages.add(name);
      runsOnWorker = Math.max(runsOnWorker, 1);
      // As after a run: Vitest's throttled update may still be pending (see replaceWorkerIfBusy).
      suspectSince = summary.leftover.length > 0 ? performance.now() : undefined;
    }
  } catch (error) {
    if (process.env['WORKBOOK_DEBUG']) console.error('[grader] warm-up failed', error);
  }
}

/**
 * Threat: a run that leaves a timer, socket or pending rejection behind, which would act during the
 * next run (patching, late failures attributed to it). The worker is reused only when provably idle.
 */
async function replaceWorkerIfBusy(): Promise<void> {
  const wait = suspectSince === undefined ? 0 : 110 - (performance.now() - suspectSince);
  suspectSince = undefined;
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  const again = await witnessSummary();
  if (!again || again.attempts.length > 0 || again.leftover.length > 0) {
    recycleWorker();
    runsOnWorker = 0;
  }
}

function toRawTest(testCase: TestCase): RawTest {
  const result = testCase.result();
  return {
    file: testCase.module.moduleId,
    name: testCase.name,
    state: result.state,
    durationMs: Math.round(testCase.diagnostic()?.duration ?? 0),
    errors: (result.errors ?? []).map(toRawError),
  };
}

function toRawError(error: SerializedError): RawError {
  const e = error as SerializedError & {
    expected?: unknown;
    actual?: unknown;
    code?: unknown;
    permission?: unknown;
    resource?: unknown;
  };
  // Node's permission model names what it refused outside the message: keep it (report attempts).
  const refused =
    e.code === 'ERR_ACCESS_DENIED'
      ? ` (ERR_ACCESS_DENIED (${String(e.permission ?? 'unknown')}${typeof e.resource === 'string' ? `: ${e.resource}` : ''}))`
      : '';
  return {
    name: typeof e.name === 'string' ? e.name : undefined,
    message: `${String(e.message ?? e)}${refused}`,
    expected: typeof e.expected === 'string' ? e.expected : undefined,
    actual: typeof e.actual === 'string' ? e.actual : undefined,
    frames: (e.stacks ?? []).map((s) => ({ file: s.file, line: s.line, column: s.column, method: s.method })),
  };
}

// The database lives here, not in the test workers: workers are fresh processes every run, and
// creating a PGlite costs seconds. Loaded lazily so exercises without a database never pay for it.
type DatabaseModule = typeof import('./runtime/database-host.ts');
async function loadDatabase(): Promise<DatabaseModule> {
  database ??= await import('./runtime/database-host.ts');
  return database;
}
async function resetDatabase(dir: string): Promise<string> {
  return (await loadDatabase()).resetDatabase(dir);
}
async function closeDatabase(): Promise<void> {
  await database?.closeDatabase();
}

// The browser engine: grades an exercise in a fresh dedicated Web Worker with Vitest's own runner.
// The hidden checks and read-only service modules come prebuilt from <base>sandbox/exercises/<id>.json;
// the learner's files are compiled by the page (Monaco's TypeScript worker emit, passed in as
// `compile`). Each run gets its own worker, terminated when it ends, at the time limit or on Cancel,
// so no state is carried between runs. No DOM.
import { browserBundleSchema, type BrowserBundle } from '../schemas/browser-bundle.ts';
import type { CheckReport, GradeEvent, GradeRequest } from '../schemas/report.ts';
import { sandboxUrls } from './browser-paths.ts';
import { runInWorker, type RunOutcome, type WorkerLike } from './browser-run.ts';
import {
  compileVerdict,
  finishedVerdict,
  floodVerdict,
  timeoutVerdict,
  checkFromWorker,
  type Diagnostic,
  type Verdict,
} from './browser-verdict.ts';
import { gradeWriteTests } from './browser-write-tests.ts';
import { EngineError, throwIfAborted, type Engine, type EngineGradeOptions } from './engine.ts';

export type { Diagnostic } from './browser-verdict.ts';
export type { WorkerLike } from './browser-run.ts';

/**
 * Compiles the learner's files to ES modules (JavaScript by workspace path). The diagnostics come
 * later: the run starts on the emitted code while the type check goes on (as in the local grader),
 * and any syntax or type error then decides the report.
 */
export type Compile = (
  exerciseId: string,
  files: Record<string, string>,
) => Promise<{ outputs: Record<string, string>; diagnostics: Promise<Diagnostic[]> }>;

export interface BrowserEngineOptions {
  /** The site's base URL (absolute, ending in "/"), where sandbox/ was built. */
  baseUrl: string;
  compile: Compile;
  /**
   * Builds the compiler's program for these files ahead of a run (Monaco's TS worker: an emit),
   * without holding up a run that starts meanwhile for longer than that emit.
   */
  warm?: (exerciseId: string, files: Record<string, string>) => Promise<void>;
  /** Packages the bundles may import (src/catalog/browser-capability.ts BROWSER_PACKAGES). */
  packages: readonly string[];
  fetch?: typeof fetch;
  createWorker?: (url: string) => WorkerLike;
  /** Console output a run may write (characters); the local grader allows 1 MB. */
  outputCap?: number;
}

const OUTPUT_CAP = 1_000_000;

/** Creates the engine; bundles are fetched once per exercise and kept for the tab. */
export function createBrowserEngine(options: BrowserEngineOptions): Engine {
  const urls = sandboxUrls(options.baseUrl, options.packages);
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const createWorker =
    options.createWorker ??
    ((url: string) => new Worker(url, { type: 'module', name: 'workbook-grader' }) as unknown as WorkerLike);
  const bundles = new Map<string, Promise<BrowserBundle>>();
  // A spare worker that has run nothing yet, started ahead so a click does not wait for a worker to
  // boot and load Vitest. Each run still gets a fresh one: the spare is used once, then replaced.
  let spare: WorkerLike | undefined;
  const takeWorker = (): WorkerLike => {
    const worker = spare ?? createWorker(urls.worker);
    spare = undefined;
    return worker;
  };
  const prepareSpare = () => {
    spare ??= createWorker(urls.worker);
  };
  const loadBundle = (id: string): Promise<BrowserBundle> => {
    let found = bundles.get(id);
    if (!found) {
      found = doFetch(urls.bundle(id)).then(async (response) => {
        if (!response.ok)
          throw new EngineError(
            'not-found',
            `The in-browser checks for "${id}" are missing (HTTP ${response.status} for ${response.url}). Rebuild the site (npm run build), or grade with the local grader (npm start).`,
          );
        const parsed = browserBundleSchema.safeParse(await response.json());
        if (!parsed.success)
          throw new EngineError(
            'protocol',
            `The in-browser checks for "${id}" are damaged (${parsed.error.issues[0]?.message ?? 'invalid'}). Rebuild the site (npm run build).`,
          );
        return parsed.data;
      });
      found.catch(() => bundles.delete(id));
      bundles.set(id, found);
    }
    return found;
  };

  prepareSpare();
  return {
    name: 'browser',
    label: 'In-browser grader (Web Worker)',
    // The first grade's cost is Monaco's TS worker building its program (its first emit) and the
    // bundle download: both are done here, ahead of the click, on the learner's current code.
    prepare(request: GradeRequest): void {
      prepareSpare();
      void loadBundle(request.exerciseId)
        .then(async (bundle) => {
          const files = Object.fromEntries(
            Object.entries(request.files).filter(([path]) => bundle.editable.includes(path)),
          );
          await options.warm?.(request.exerciseId, files);
        })
        .catch(() => undefined);
    },
    async grade(request: GradeRequest, { signal, onEvent }: EngineGradeOptions = {}): Promise<CheckReport> {
      throwIfAborted(signal);
      const started = performance.now();
      const bundle = await loadBundle(request.exerciseId);
      phase('bundle', started);
      throwIfAborted(signal);
      const emit = (event: GradeEvent) => onEvent?.(event);
      emit({ type: 'started', exerciseId: request.exerciseId, checks: bundle.checks });
      const finish = (verdict: Verdict): CheckReport => {
        const report: CheckReport = {
          version: 1,
          exerciseId: request.exerciseId,
          ...verdict,
          durationMs: Math.round(phase('total', started)),
          engine: 'browser',
          isolation: 'web-worker',
          finishedAt: new Date().toISOString(),
        };
        emit({ type: 'report', report });
        return report;
      };
      const files = Object.fromEntries(
        Object.entries(request.files).filter(([path]) => bundle.editable.includes(path)),
      );
      const compiled = performance.now();
      const { outputs, diagnostics } = await options.compile(request.exerciseId, files);
      const emitted = performance.now();
      phase('emit', compiled, emitted);
      throwIfAborted(signal);
      // One fresh worker per run: nothing a run does survives it.
      const run = (modules: Record<string, string>, stream: boolean): Promise<RunOutcome> =>
        runInWorker(
          takeWorker(),
          {
            type: 'run',
            modules,
            entries: bundle.entries,
            packages: urls.packages,
            testTimeoutMs: bundle.timeLimitMs,
            outputCap: options.outputCap ?? OUTPUT_CAP,
          },
          bundle.timeLimitMs,
          signal,
          stream ? (check) => emit({ type: 'check', check: checkFromWorker(check) }) : undefined,
        );
      try {
        if (bundle.kind === 'write-tests') {
          return finish(
            await gradeWriteTests(bundle, outputs, await diagnostics, run, (check) => emit({ type: 'check', check })),
          );
        }
        const [outcome, problems] = await Promise.all([
          run({ ...bundle.modules, ...outputs }, true).finally(() => phase('run', emitted)),
          diagnostics.finally(() => phase('typecheck', emitted)),
        ]);
        return finish(problems.length > 0 ? compileVerdict(problems, bundle.checks) : verdictOf(outcome, bundle));
      } finally {
        prepareSpare();
      }
    },
  };
}

/**
 * Records one phase of a grade as a User Timing measure ("workbook:grade:<name>"), so the first
 * grade's cost can be read in DevTools' Performance panel and by bench:sandbox; returns its length.
 */
function phase(name: string, start: number, end = performance.now()): number {
  performance.measure(`workbook:grade:${name}`, { start, end });
  return end - start;
}

function verdictOf(outcome: RunOutcome, bundle: BrowserBundle): Verdict {
  if (outcome.kind === 'timeout')
    return timeoutVerdict(outcome.streamed, bundle.checks, outcome.running, bundle.timeLimitMs);
  if (outcome.kind === 'flood') return floodVerdict(outcome.streamed, bundle.checks);
  return finishedVerdict(outcome.checks, outcome.errors, bundle.checks);
}

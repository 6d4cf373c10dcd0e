// Loaded by Vitest before every check file, inside the kept worker process. It
// 1. applies this run's environment (the worker outlives runs, so it comes from a file), and
// 2. caps what learner code can print: a flood must end as a clear error, not as a grader
//    buried under megabytes of logs.
import { readFileSync } from 'node:fs';
import { format } from 'node:util';
import { afterAll } from 'vitest';

// Before any test file (and so any learner code) of this worker loads: lock the built-ins and the
// assertion library (runtime/integrity.ts, preloaded into the worker). Idempotent.
(globalThis as { [key: symbol]: { lock(): void } | undefined })[Symbol.for('workbook.integrity')]?.lock();

interface EvaluatedModules {
  fileToModulesMap: Map<string, Set<unknown>>;
  invalidateModule(node: unknown): void;
}
const runFile = process.env['WORKBOOK_RUN_FILE'];
if (runFile) {
  const run = JSON.parse(readFileSync(runFile, 'utf8')) as { env: Record<string, string>; invalidate: string[] };
  Object.assign(process.env, run.env);
  // Vitest resets evaluated modules between files but keeps their fetched code, which is right
  // for a worker that dies after the run. This one lives on, so files that changed since the
  // previous run must be fetched again.
  const state = (globalThis as { __vitest_worker__?: { evaluatedModules?: EvaluatedModules } }).__vitest_worker__;
  const modules = state?.evaluatedModules;
  for (const file of run.invalidate) {
    for (const node of modules?.fileToModulesMap.get(file) ?? []) modules?.invalidateModule(node);
  }
}

interface OutputCap {
  printed: number;
  flooded: boolean;
  wrapped: WeakSet<object>;
}
const limit = Number(process.env['WORKBOOK_OUTPUT_LIMIT'] ?? 1_000_000);
const holder = globalThis as { __workbookOutputCap?: OutputCap };
holder.__workbookOutputCap ??= { printed: 0, flooded: false, wrapped: new WeakSet() };
const cap = holder.__workbookOutputCap;
cap.printed = 0;
cap.flooded = false;

/** Counts `size` characters; false once the limit is passed (the output is then dropped). */
function allow(size: number): boolean {
  if (cap.flooded) return false;
  cap.printed += size;
  if (cap.printed > limit) cap.flooded = true;
  return !cap.flooded;
}

if (!cap.wrapped.has(console)) {
  cap.wrapped.add(console);
  const target = console as unknown as Record<string, (...args: unknown[]) => void>;
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table']) {
    const original = target[method]?.bind(console);
    if (!original) continue;
    target[method] = (...args: unknown[]) => {
      if (allow(format(...args).length + 1)) original(...args);
    };
  }
}
for (const stream of [process.stdout, process.stderr]) {
  if (cap.wrapped.has(stream)) continue;
  cap.wrapped.add(stream);
  const original = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    const size = typeof chunk === 'string' ? chunk.length : ((chunk as Uint8Array | undefined)?.byteLength ?? 0);
    return allow(size) ? original(chunk, ...rest) : true;
  }) as typeof stream.write;
}

afterAll(async () => {
  const pending =
    (globalThis as { __workbookCleanups?: (() => Promise<unknown>)[] }).__workbookCleanups?.splice(0) ?? [];
  await Promise.allSettled(pending.map((cleanup) => cleanup()));
  if (cap.flooded) {
    throw new Error(`WORKBOOK_OUTPUT_FLOOD: your code printed more than ${Math.round(limit / 1000)} kB of output`);
  }
});

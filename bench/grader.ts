// `npm run bench:grader`: how long a grade takes, cold and warm, for one exercise of each kind.
// Cold: a fresh `workbook check <id> --solution` process (start-up, Vitest, transforms, PGlite…),
// wall time, median of --cold runs. Warm: one long-lived grader, --runs grades in a row, each with
// the learner file changed (as when an intern saves), p50 and p95 — isolated (bubblewrap or the
// permission model, the default) and unisolated (isolation 'none', only for this comparison) in
// the same run. Re-grade: --fresh grades with purpose 'regrade', each in a fresh sandbox.
// Figures only, no thresholds.
//   node bench/grader.ts [--runs 20] [--cold 2] [--fresh 5] [ids…]
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { loadExercise } from '../src/catalog/load.ts';
import { createGrader } from '../grader/index.ts';
import type { IsolationMode } from '../grader/sandbox/isolation.ts';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args.splice(i, 2)[1]) : fallback;
};
const runs = option('runs', 20);
const coldRuns = option('cold', 2);
const freshRuns = option('fresh', 5);
const KINDS: [string, string, number][] = [
  ['pure', 'task-entity-complete', 300],
  ['Nest', 'cqrs-create-task-handler', 300],
  ['database', 'prisma-task-repository', 800],
  ['Redis', 'cache-aside-get-task', 800],
];
const chosen = args.length > 0 ? KINDS.filter(([, id]) => args.includes(id)) : KINDS;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};
const ms = (value: number) => `${Math.round(value)} ms`;

function cold(id: string): number {
  const times: number[] = [];
  for (let i = 0; i < coldRuns; i++) {
    const started = performance.now();
    const run = spawnSync(process.execPath, [join(root, 'grader', 'cli.ts'), 'check', id, '--solution', '--json'], {
      cwd: root,
      encoding: 'utf8',
    });
    times.push(performance.now() - started);
    if (run.status !== 0)
      throw new Error(`cold check of ${id} failed (exit ${run.status}): ${run.stderr || run.stdout.slice(0, 400)}`);
  }
  return percentile(times, 50);
}

interface Warm {
  p50: number;
  p95: number;
  first: number;
  isolation: string;
  /** Re-grades (fresh sandbox each), p50; NaN when none were asked for or isolation is off. */
  fresh: number;
}

async function warm(id: string, isolation: IsolationMode, fresh: number): Promise<Warm> {
  const exercise = loadExercise(root, id);
  const grader = await createGrader({ root, isolation, warmRegrade: fresh > 0, warmWorker: true });
  try {
    const times: number[] = [];
    let first = 0;
    let used = '';
    for (let i = 0; i <= runs; i++) {
      // A different file every time, as when the intern saves: the runner must re-transform it.
      const files = Object.fromEntries(
        Object.entries(exercise.solution).map(([path, content]) => [path, `${content}\n// save ${i}\n`]),
      );
      const started = performance.now();
      const report = await grader.grade({ exerciseId: id, files });
      const elapsed = performance.now() - started;
      if (report.status !== 'passed')
        throw new Error(`warm grade ${i} of ${id} was ${report.status}: ${report.message ?? ''}`);
      used = report.isolation;
      if (i === 0)
        first = elapsed; // the grader's own warm-up, not counted
      else times.push(elapsed);
    }
    // Re-grades one after another, as the mentor's dashboard sends them: the spare sandbox warms
    // while the previous re-grade runs.
    const freshTimes: number[] = [];
    for (let i = 0; i < fresh; i++) {
      const started = performance.now();
      const report = await grader.grade({ exerciseId: id, files: exercise.solution, purpose: 'regrade' });
      if (report.status !== 'passed')
        throw new Error(`re-grade ${i} of ${id} was ${report.status}: ${report.message ?? ''}`);
      freshTimes.push(performance.now() - started);
    }
    return {
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      first,
      isolation: used,
      fresh: percentile(freshTimes, 50),
    };
  } finally {
    await grader.close();
  }
}

console.log(
  `Grader benchmark: cold = fresh \`workbook check --solution\` process (median of ${coldRuns}); warm = ${runs} grades on one grader, learner file changed each time, isolated and unisolated; re-grade = ${freshRuns} grades in a fresh sandbox each (p50).\n`,
);
const rows: string[][] = [
  [
    'kind',
    'exercise',
    'cold',
    'isolation',
    'iso p50',
    'iso p95',
    'none p50',
    'none p95',
    'iso/none',
    're-grade p50',
    'p50 goal',
  ],
];
for (const [kind, id, goal] of chosen) {
  let coldMs: number;
  let isolated: Warm;
  let open: Warm;
  try {
    coldMs = cold(id);
    isolated = await warm(id, 'auto', freshRuns);
    open = await warm(id, 'none', 0);
  } catch (error) {
    // One kind failing (a broken exercise, an overloaded machine) must not hide the others' figures.
    rows.push([
      kind,
      id,
      `failed: ${(error as Error).message.split('\n')[0]?.slice(0, 160) ?? ''}`,
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
    continue;
  }
  const ratio = isolated.p50 / open.p50;
  const met = isolated.p50 <= goal && ratio <= 2;
  rows.push([
    kind,
    id,
    ms(coldMs),
    isolated.isolation,
    ms(isolated.p50),
    ms(isolated.p95),
    ms(open.p50),
    ms(open.p95),
    `${ratio.toFixed(2)}×`,
    freshRuns > 0 ? ms(isolated.fresh) : '-',
    `≤ ${goal} ms and ≤ 2× ${met ? 'met' : 'MISSED'}`,
  ]);
}
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const [i, row] of rows.entries()) {
  console.log(row.map((cell, c) => (c >= 2 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}

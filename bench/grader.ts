// `npm run bench:grader`: how long a grade takes, cold and warm, for one exercise of each kind.
// Cold: a fresh `workbook check <id> --solution` process (start-up, Vitest, transforms, PGlite…),
// wall time, median of --cold runs. Warm: one long-lived grader, --runs grades in a row, each with
// the learner file changed (as when an intern saves), p50 and p95. Figures only, no thresholds.
//   node bench/grader.ts [--runs 20] [--cold 2] [ids…]
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { loadExercise } from '../src/catalog/load.ts';
import { createGrader } from '../grader/index.ts';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args.splice(i, 2)[1]) : fallback;
};
const runs = option('runs', 20);
const coldRuns = option('cold', 2);
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
    const run = spawnSync(process.execPath, [join(root, 'grader', 'cli.ts'), 'check', id, '--solution', '--json'], { cwd: root, encoding: 'utf8' });
    times.push(performance.now() - started);
    if (run.status !== 0) throw new Error(`cold check of ${id} failed (exit ${run.status}): ${run.stderr || run.stdout.slice(0, 400)}`);
  }
  return percentile(times, 50);
}

async function warm(id: string): Promise<{ p50: number; p95: number; first: number }> {
  const exercise = loadExercise(root, id);
  const grader = await createGrader({ root });
  try {
    const times: number[] = [];
    let first = 0;
    for (let i = 0; i <= runs; i++) {
      // A different file every time, as when the intern saves: the runner must re-transform it.
      const files = Object.fromEntries(Object.entries(exercise.solution).map(([path, content]) => [path, `${content}\n// save ${i}\n`]));
      const started = performance.now();
      const report = await grader.grade({ exerciseId: id, files });
      const elapsed = performance.now() - started;
      if (report.status !== 'passed') throw new Error(`warm grade ${i} of ${id} was ${report.status}: ${report.message ?? ''}`);
      if (i === 0) first = elapsed; // the grader's own warm-up, not counted
      else times.push(elapsed);
    }
    return { p50: percentile(times, 50), p95: percentile(times, 95), first };
  } finally {
    await grader.close();
  }
}

console.log(`Grader benchmark: cold = fresh \`workbook check --solution\` process (median of ${coldRuns}); warm = ${runs} grades on one grader, learner file changed each time.\n`);
const rows: string[][] = [['kind', 'exercise', 'cold', 'first warm', 'warm p50', 'warm p95', 'cold / p50', 'p50 goal']];
for (const [kind, id, goal] of chosen) {
  const coldMs = cold(id);
  const w = await warm(id);
  rows.push([kind, id, ms(coldMs), ms(w.first), ms(w.p50), ms(w.p95), `${(coldMs / w.p50).toFixed(1)}×`, `≤ ${goal} ms ${w.p50 <= goal ? 'met' : 'MISSED'}`]);
}
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const [i, row] of rows.entries()) {
  console.log(row.map((cell, c) => (c >= 2 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}

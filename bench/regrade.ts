// `npm run bench:regrade`: a mentor re-grades 30 reports, one after another as the dashboard sends
// them, each in a fresh sandbox (purpose 'regrade'). Prints the total and per-report p50/p95, with
// and without the grader's own start. Figures only, no thresholds (goal: 30 in ≤ 60 s on 2 cores).
//   node bench/regrade.ts [--reports 30] [ids…]
import { resolve } from 'node:path';
import { loadExercise } from '../src/catalog/load.ts';
import { createGrader } from '../grader/index.ts';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const i = args.indexOf('--reports');
const count = i >= 0 ? Number(args.splice(i, 2)[1]) : 30;
// A cohort's mix: mostly plain TypeScript and Nest, some database and Redis exercises.
const IDS =
  args.length > 0
    ? args
    : [
        'task-entity-complete',
        'cqrs-create-task-handler',
        'task-sort-strategy',
        'prisma-task-repository',
        'cache-aside-get-task',
        'task-lifecycle-union',
      ];
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)] ??
  Number.NaN;

const t0 = performance.now();
const grader = await createGrader({ root, warmRegrade: true, warmWorker: true });
const times: number[] = [];
let isolation = '';
let started = 0;
try {
  started = performance.now();
  for (let n = 0; n < count; n++) {
    const id = IDS[n % IDS.length] as string;
    const { solution } = loadExercise(root, id);
    const t = performance.now();
    const report = await grader.grade({ exerciseId: id, files: solution, purpose: 'regrade' });
    times.push(performance.now() - t);
    if (process.env['BENCH_VERBOSE']) console.log(id, Math.round(performance.now() - t));
    isolation = report.isolation;
    if (report.status !== 'passed')
      throw new Error(`re-grade ${n} (${id}) was ${report.status}: ${report.message ?? ''}`);
  }
} finally {
  await grader.close();
}
const total = performance.now() - started;
console.log(`Re-graded ${count} reports (${IDS.join(', ')}), each in a fresh sandbox (${isolation}).`);
console.log(
  `total ${(total / 1000).toFixed(1)} s (${((performance.now() - t0) / 1000).toFixed(1)} s with the grader's start) · per report p50 ${Math.round(percentile(times, 50))} ms, p95 ${Math.round(percentile(times, 95))} ms · goal ≤ 60 s: ${total <= 60_000 ? 'met' : 'MISSED'}`,
);

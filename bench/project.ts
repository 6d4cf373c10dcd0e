// `npm run bench:project`: how long `workbook project check <m> --dir service` takes on the
// reference service, per milestone: time to the service answering, to the first check result, and
// in total (median of --runs). Goals from issue 15: first result ≤ 5 s, M2 total ≤ 60 s on 2 cores.
// Figures only, no thresholds.
//   node bench/project.ts [--runs 1] [m1 m2 …]
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { checkProject } from '../grader/project/check.ts';
import { PROJECT_MILESTONES, type ProjectMilestone } from '../src/schemas/project.ts';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 1;
const chosen = PROJECT_MILESTONES.filter(
  (m) => existsSync(join(root, 'checks', 'project', m)) && (args.length === 0 || args.includes(m)),
);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
console.log(
  `project check --dir service, ${runs} run(s) per milestone, one after another; ${cpus().length} cores, load average ${load()}`,
);
for (const milestone of chosen as ProjectMilestone[]) {
  const first: number[] = [];
  const total: number[] = [];
  let status = '';
  let isolation = '';
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    let firstAt: number | undefined;
    const report = await checkProject({
      repo: root,
      dir: join(root, 'service'),
      milestone,
      onEvent: (event) => {
        if (event.type === 'check' && firstAt === undefined) firstAt = performance.now() - started;
      },
    });
    first.push(firstAt ?? Number.NaN);
    total.push(performance.now() - started);
    status = report.status;
    isolation = report.isolation;
    // A figure from a run that did not pass says why, so a slow machine's failure is not mistaken for a time.
    if (report.status !== 'passed') {
      const why = report.checks.filter((c) => c.status === 'failed').map((c) => `${c.name}: ${c.message ?? ''}`);
      console.log(
        `  ${milestone} run ${i + 1} ${report.status}: ${[report.message ?? '', ...why].join('\n    ').slice(0, 2000)}`,
      );
    }
  }
  console.log(
    `${milestone}: first result ${s(median(first))}, total ${s(median(total))} (${status}, ${isolation}; ${runs} run(s); load average ${load()})`,
  );
}

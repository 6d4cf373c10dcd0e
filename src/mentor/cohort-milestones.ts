// The dashboard's capstone section: per intern, milestones m1…m4 with the claimed status, the
// isolation and date of the intern's last run, and the re-grade verdict; and the re-grade tasks
// (the report's project archive, run by the local server). Pure and DOM-free.
import { PROJECT_MILESTONES, type ProjectMilestone, projectReportId } from '../schemas/project.ts';
import type { Intern } from '../schemas/report-file.ts';
import type { CheckReport, Isolation } from '../schemas/report.ts';
import { type Cohort, internKey, verdictKey, type Verdict } from './cohort.ts';
import { judge } from './regrade.ts';

export interface MilestoneCell {
  milestone: ProjectMilestone;
  status: Verdict['claimed'];
  attempts: number;
  passedAt?: string;
  /** The intern's last run: its isolation and when it finished. */
  lastRun?: { isolation: Isolation; finishedAt: string };
  /** The report it comes from, to re-grade it; whether that report carries the project archive. */
  fingerprint: string;
  hasArchive: boolean;
  verdict?: Verdict;
}

export interface MilestoneRow {
  key: string;
  intern: Intern;
  cells: Map<ProjectMilestone, MilestoneCell>;
}

/** One row per intern whose reports carry milestones: the most recently exported such report speaks. */
export function milestoneTable(cohort: Cohort): MilestoneRow[] {
  const newest = new Map<string, Cohort['reports'][number]>();
  for (const r of cohort.reports) {
    if (!r.report.milestones?.length) continue;
    const key = internKey(r.report.intern);
    const held = newest.get(key);
    if (!held || r.report.exportedAt > held.report.exportedAt) newest.set(key, r);
  }
  return [...newest.entries()]
    .map(([key, { fingerprint, report }]) => ({
      key,
      intern: report.intern,
      cells: new Map(
        (report.milestones ?? []).map((m): [ProjectMilestone, MilestoneCell] => {
          const verdict = cohort.verdicts[verdictKey(fingerprint, projectReportId(m.milestone))];
          return [
            m.milestone,
            {
              milestone: m.milestone,
              status: m.status,
              attempts: m.attempts,
              ...(m.passedAt ? { passedAt: m.passedAt } : {}),
              ...(m.lastReport
                ? { lastRun: { isolation: m.lastReport.isolation, finishedAt: m.lastReport.finishedAt } }
                : {}),
              fingerprint,
              hasArchive: report.projectArchive !== undefined,
              ...(verdict ? { verdict } : {}),
            },
          ];
        }),
      ),
    }))
    .sort((a, b) => a.intern.name.localeCompare(b.intern.name));
}

export interface MilestoneRegradeTask {
  key: string;
  intern: string;
  milestone: ProjectMilestone;
  claimed: Verdict['claimed'];
  /** Base64 .tar.gz; undefined when the report carries none. */
  archive: string | undefined;
}

/** Every milestone a report claims progress on, in milestone order per intern. */
export function milestoneRegradeTasks(cohort: Cohort, rows: readonly MilestoneRow[]): MilestoneRegradeTask[] {
  const archives = new Map(cohort.reports.map((r) => [r.fingerprint, r.report.projectArchive]));
  return rows.flatMap((row) =>
    PROJECT_MILESTONES.flatMap((m) => {
      const cell = row.cells.get(m);
      if (!cell || cell.status === 'not-started') return [];
      return [
        {
          key: verdictKey(cell.fingerprint, projectReportId(m)),
          intern: row.intern.name,
          milestone: m,
          claimed: cell.status,
          archive: archives.get(cell.fingerprint),
        },
      ];
    }),
  );
}

/** Re-grades one milestone: no archive means nothing to run (unverified); otherwise judge the fresh report. */
export async function regradeMilestone(
  task: MilestoneRegradeTask,
  run: (milestone: ProjectMilestone, archive: string) => Promise<CheckReport>,
  now: () => Date = () => new Date(),
): Promise<Verdict> {
  if (!task.archive)
    return {
      verdict: 'unverified',
      claimed: task.claimed,
      message: 'Not re-graded: the report carries no project archive. Ask the intern to attach it when exporting.',
      checkedAt: now().toISOString(),
    };
  try {
    return judge(task.claimed, await run(task.milestone, task.archive), now());
  } catch (error) {
    return {
      verdict: 'unverified',
      claimed: task.claimed,
      message: `Could not re-grade: ${(error as Error).message}`,
      checkedAt: now().toISOString(),
    };
  }
}

// Builds the progress report file an intern hands to their mentor, from their saved progress.
import type { ExerciseSet } from '../schemas/exercise-set.ts';
import type { Progress } from '../schemas/progress.ts';
import { PROJECT_MILESTONES, projectReportId } from '../schemas/project.ts';
import {
  REPORT_FILE_FORMAT,
  REPORT_FILE_VERSION,
  reportFileSchema,
  type Intern,
  type ReportFile,
  type ReportMilestone,
} from '../schemas/report-file.ts';

/** One report for one assignment: every exercise of the set, untouched ones as not-started. */
export function buildReport(input: {
  intern: Intern;
  set: ExerciseSet;
  progress: Pick<Progress, 'exercises'>;
  /** Base64 of the capstone project's .tar.gz, when the intern attached one. */
  projectArchive?: string;
  now?: Date;
}): ReportFile {
  const { intern, set, progress } = input;
  const report: ReportFile = {
    format: REPORT_FILE_FORMAT,
    version: REPORT_FILE_VERSION,
    intern,
    set,
    exportedAt: (input.now ?? new Date()).toISOString(),
    exercises: set.exercises.map(({ id }) => {
      // Own keys only: an exercise id such as "constructor" must not find Object.prototype's.
      const p = Object.hasOwn(progress.exercises, id) ? progress.exercises[id] : undefined;
      if (!p) return { id, status: 'not-started', attempts: 0, hintsUsed: 0, solutionViewed: false, files: {} };
      return {
        id,
        status: p.status,
        attempts: p.attempts,
        hintsUsed: p.hintsUsed,
        solutionViewed: p.solutionViewed,
        ...(p.firstPassedAt ? { passedAt: p.firstPassedAt } : {}),
        ...(p.stages?.spec?.status === 'passed' ? { specPassed: true } : {}),
        files: { ...p.files },
        ...(p.lastReport ? { lastReport: p.lastReport } : {}),
      };
    }),
  };
  const milestones = PROJECT_MILESTONES.flatMap((milestone): ReportMilestone[] => {
    const id = projectReportId(milestone);
    const p = Object.hasOwn(progress.exercises, id) ? progress.exercises[id] : undefined;
    if (!p) return [];
    return [
      {
        milestone,
        status: p.status,
        attempts: p.attempts,
        ...(p.firstPassedAt ? { passedAt: p.firstPassedAt } : {}),
        ...(p.lastReport ? { lastReport: p.lastReport } : {}),
      },
    ];
  });
  if (milestones.length) report.milestones = milestones;
  if (input.projectArchive) report.projectArchive = input.projectArchive;
  // Validate on the way out too: a report the mentor's dashboard would refuse must not be written.
  return reportFileSchema.parse(report);
}

/** A file name that tells reports apart in a mentor's downloads folder. */
export function reportFileName(report: ReportFile): string {
  const who =
    report.intern.name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'intern';
  return `report-${who}-${report.set.id}-${report.exportedAt.slice(0, 10)}.json`;
}

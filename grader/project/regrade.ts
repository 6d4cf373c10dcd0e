// A mentor's re-grade of a capstone milestone from the project archive an intern's report carries:
// the archive is validated entry by entry (src/schemas/project-archive.ts, the rules the export form
// also applies), unpacked into a fresh folder under the workbook (so the service resolves the
// workbook's node_modules: an archive never carries its own), checked like `workbook project
// check`, and deleted. It is someone else's code, so it runs only
// inside bubblewrap: without it the re-grade is refused rather than run in the open.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type ProjectMilestone, projectReportId } from '../../src/schemas/project.ts';
import { type CheckReport, type GradeEvent, REPORT_VERSION } from '../../src/schemas/report.ts';
import { detectIsolation } from '../sandbox/isolation.ts';
import { ArchiveError, projectFiles } from '../../src/schemas/project-archive.ts';
import { unpackTarGz, writeFiles } from './archive.ts';
import { checkProject } from './check.ts';

export interface ProjectRegradeOptions {
  repo: string;
  milestone: ProjectMilestone;
  /** The .tar.gz bytes from the report. */
  archive: Uint8Array;
  onEvent?: (event: GradeEvent) => void;
  /** Aborted (the mentor's page went away): the run stops and cleans up (checkProject's signal). */
  signal?: AbortSignal;
  /** Tests stand in for the machine's isolation. */
  isolation?: () => ReturnType<typeof detectIsolation>;
}

export async function regradeProjectArchive(o: ProjectRegradeOptions): Promise<CheckReport> {
  const refused = (message: string): CheckReport => ({
    version: REPORT_VERSION,
    exerciseId: projectReportId(o.milestone),
    status: 'error',
    checks: [],
    message: `Not re-graded: ${message}`,
    durationMs: 0,
    engine: 'local',
    isolation: 'none',
    finishedAt: new Date().toISOString(),
  });
  const isolation = (o.isolation ?? detectIsolation)();
  if (isolation.isolation !== 'bubblewrap')
    return refused(
      `a project archive is someone else's service, and it runs only inside bubblewrap, which this machine lacks (${isolation.reason}). Install it (\`sudo apt-get install bubblewrap\`) and re-grade.`,
    );
  let files: Map<string, Buffer>;
  try {
    files = projectFiles(unpackTarGz(o.archive));
  } catch (error) {
    if (error instanceof ArchiveError)
      return refused(`the project archive was refused: ${error.message.replace(/\.$/, '')}.`);
    throw error;
  }
  const runs = join(o.repo, '.workbook', 'project-regrades');
  mkdirSync(runs, { recursive: true });
  const dir = mkdtempSync(join(runs, `${o.milestone}-`));
  try {
    writeFiles(dir, files);
    return await checkProject({
      repo: o.repo,
      dir,
      milestone: o.milestone,
      engine: 'local',
      ...(o.onEvent ? { onEvent: o.onEvent } : {}),
      ...(o.signal ? { signal: o.signal } : {}),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

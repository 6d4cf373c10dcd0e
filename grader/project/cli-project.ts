// `workbook project init <dir>`, `workbook project check <milestone> [--dir d] [--json]` and
// `workbook project pack [--dir d] [--out file]`.
import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { PROJECT_MILESTONES, projectMilestoneSchema } from '../../src/schemas/project.ts';
import type { CheckResult } from '../../src/schemas/report.ts';
import { formatReport, type Style } from '../cli-format.ts';
import { cliProgressPath, recordCliRun } from '../cli-progress.ts';
import { checkProject } from './check.ts';
import { InitError, installOffline, readProjectFile, recordPassed, writeSkeleton } from './init.ts';
import { defaultArchiveName, formatSize, PackError, type PackedProject, packProject } from './pack.ts';

export const PROJECT_USAGE = `  project init <dir> [--no-install]                start your capstone task service from the skeleton
  project check <${PROJECT_MILESTONES.join('|')}> [--dir d] [--json]      run a milestone's acceptance suite against your service
  project pack [--dir d] [--out file]              pack your project for a report (default ./<folder>.tar.gz)`;

/** A mistake the user can fix; the CLI prints it as one line and exits 2. */
export class ProjectUsageError extends Error {}

export interface ProjectFlags {
  dir?: string | boolean | undefined;
  json?: string | boolean | undefined;
  'no-install'?: string | boolean | undefined;
  out?: string | boolean | undefined;
}

export async function projectCommand(repo: string, args: string[], flags: ProjectFlags, s: Style): Promise<number> {
  const [sub, target] = args;
  if (sub === 'init') return init(repo, target, flags);
  if (sub === 'check') return check(repo, target, flags, s);
  if (sub === 'pack') return pack(flags);
  throw new ProjectUsageError(
    `unknown "project ${sub ?? ''}"; use \`npx workbook project init <dir>\`, \`npx workbook project check m1 --dir <dir>\` or \`npx workbook project pack --dir <dir>\`.`,
  );
}

function init(repo: string, target: string | undefined, flags: ProjectFlags): number {
  if (!target)
    throw new ProjectUsageError('"project init" needs a folder, e.g. `npx workbook project init my-task-service`.');
  const dir = resolve(target);
  const shown = relative(process.cwd(), dir) || '.';
  try {
    writeSkeleton(repo, dir);
  } catch (error) {
    if (error instanceof InitError) throw new ProjectUsageError(error.message);
    throw error;
  }
  console.log(`Created your task service in ${shown} (README.md lists the milestones).`);
  if (flags['no-install']) {
    console.log(`Install its dependencies with: cd ${shown} && npm install --offline`);
  } else {
    console.log('Installing its pinned dependencies from the npm cache (no network)…');
    const failed = installOffline(dir);
    if (failed) {
      console.log(
        `The offline install did not finish:\n${failed}\nRun \`cd ${shown} && npm install\` (it needs the npm registry once), then \`npm start\`.`,
      );
      return 1;
    }
  }
  console.log(
    `Start it with: cd ${shown} && npm start     Check milestone 1, from this folder, with: npx workbook project check m1 --dir ${shown}`,
  );
  return 0;
}

async function check(repo: string, target: string | undefined, flags: ProjectFlags, s: Style): Promise<number> {
  const parsed = projectMilestoneSchema.safeParse(target);
  if (!parsed.success)
    throw new ProjectUsageError(
      `"project check" needs a milestone: one of ${PROJECT_MILESTONES.join(', ')} (e.g. \`npx workbook project check m1 --dir my-task-service\`).`,
    );
  const dir = resolve(typeof flags.dir === 'string' ? flags.dir : '.');
  const live = !flags.json;
  const shown = relative(process.cwd(), dir) || '.';
  if (live)
    console.log(
      s.dim(
        parsed.data === 'm4'
          ? `Running the tests of ${shown} with coverage in the grader's sandbox (this takes as long as they do), then the m4 checks…`
          : `Starting ${shown} with \`npm start\` and running the ${parsed.data} acceptance checks…`,
      ),
    );
  // Ctrl-C stops the run and cleans it up (service, suite, the run's database, role and Redis user)
  // before exiting; a second Ctrl-C while that happens only says so.
  const cancel = new AbortController();
  const onInterrupt = () => {
    if (cancel.signal.aborted) console.error('workbook: still cleaning up the cancelled check, a few seconds…');
    cancel.abort();
  };
  process.on('SIGINT', onInterrupt);
  let report: Awaited<ReturnType<typeof checkProject>>;
  try {
    report = await checkProject({
      repo,
      dir,
      milestone: parsed.data,
      signal: cancel.signal,
      onEvent: (event) => {
        if (live && event.type === 'check') console.log(liveLine(event.check, s));
      },
    });
  } finally {
    process.off('SIGINT', onInterrupt);
  }
  if (cancel.signal.aborted && report.status !== 'passed') {
    // Not a verdict: nothing goes into workbook.project.json or the progress file.
    console.error(
      `workbook: cancelled the ${parsed.data} check and cleaned up (service and suite stopped, the run's database, role and Redis user removed); nothing was recorded.`,
    );
    return 130;
  }
  if (report.status === 'passed' && recordPassed(dir, parsed.data, report.isolation) && live)
    console.log(s.green(`Recorded ${parsed.data} as passed in workbook.project.json.`));
  console.log(flags.json ? JSON.stringify(report, null, 2) : `\n${formatReport(report, s)}`);
  // The milestone's report joins the progress file the home page imports (the code stays in the
  // project folder). The reference service's runs are the workbook's own, not an intern's.
  if (dir !== resolve(repo, 'service')) {
    const file = cliProgressPath(repo);
    const note = recordCliRun(file, report.exerciseId, {}, report);
    if (note) console.error(`workbook: ${note}`);
    if (live)
      console.log(
        s.dim(`Saved in ${relative(process.cwd(), file) || file} (Import a progress file on the home page).`),
      );
  }
  return report.status === 'passed' ? 0 : 1;
}

function pack(flags: ProjectFlags): number {
  const dir = resolve(typeof flags.dir === 'string' ? flags.dir : '.');
  const out = resolve(typeof flags.out === 'string' ? flags.out : defaultArchiveName(dir));
  if (!out.endsWith('.tar.gz') && !out.endsWith('.tgz'))
    throw new ProjectUsageError(`--out ${flags.out}: name the archive *.tar.gz, e.g. --out my-task-service.tar.gz.`);
  let packed: PackedProject;
  try {
    packed = packProject(dir, out);
    readProjectFile(dir);
  } catch (error) {
    if (error instanceof SyntaxError)
      throw new ProjectUsageError(`cannot pack: ${dir}/workbook.project.json is not JSON (${error.message}); fix it.`);
    if (error instanceof PackError || error instanceof InitError)
      throw new ProjectUsageError(`cannot pack ${relative(process.cwd(), dir) || '.'}: ${error.message}`);
    throw error;
  }
  try {
    writeFileSync(out, packed.archive);
  } catch (error) {
    throw new ProjectUsageError(
      `cannot write ${out} (${(error as Error).message}); pass --out with a folder that exists.`,
    );
  }
  const shown = relative(process.cwd(), out) || out;
  console.log(
    `Packed ${packed.files} files into ${shown}: ${formatSize(packed.archive.length)} of the 2 MB a report carries (left out: ${packed.leftOut.join(', ') || 'nothing'}).`,
  );
  console.log('Next: "Export report" on the home page, with this file attached as your capstone project.');
  return 0;
}

function liveLine(check: CheckResult, s: Style): string {
  return check.status === 'passed' ? `  ${s.green('✔')} ${check.name}` : `  ${s.red('✖')} ${check.name}`;
}

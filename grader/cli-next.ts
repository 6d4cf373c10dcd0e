// What the CLI says after a check: the next step. A failure points at a hint and the exercise's
// page; a pass names the next exercise of the week's ladder and how to start it. Every command is
// printed as `npx workbook …`, which runs the project's own CLI without installing anything.
import type { ExerciseManifest } from '../src/schemas/exercise.ts';
import type { CheckReport } from '../src/schemas/report.ts';

/** How to run the CLI from the workbook folder after `npm install` (node_modules/.bin/workbook). */
export const CLI = 'npx workbook';

/** The next core exercise after `id`; `all` is in ladder order, as loadExercises returns it. */
export function nextInLadder(id: string, all: readonly ExerciseManifest[]): ExerciseManifest | undefined {
  const at = all.findIndex((m) => m.id === id);
  return at < 0 ? undefined : all.slice(at + 1).find((m) => !m.optional);
}

export interface NextStepOptions {
  /** The page of the exercise in the workbook, e.g. http://127.0.0.1:4321/exercises/<id>/. */
  pageUrl: string;
  /** Where the CLI wrote the progress file the page can import. */
  progressFile?: string | undefined;
  /** Hints the exercise has. */
  hints: number;
  /** The folder flag the learner used, e.g. " --dir work/x" ("" for the default folder). */
  dirArg?: string;
}

/** The lines printed after a report. */
export function nextSteps(
  report: CheckReport,
  manifest: ExerciseManifest,
  all: readonly ExerciseManifest[],
  options: NextStepOptions,
): string[] {
  const lines: string[] = [];
  if (report.status === 'passed') {
    const next = nextInLadder(manifest.id, all);
    lines.push(
      next
        ? `Next: ${next.title} (week ${next.week}) — ${CLI} start ${next.id}`
        : 'That was the last exercise of the ladder. Well done.',
    );
    if (options.progressFile)
      lines.push(
        `Your pass is saved in ${options.progressFile}: import it on the workbook's home page ("Your progress file").`,
      );
  } else {
    if (options.hints > 0) lines.push(`Stuck? Read a hint: ${CLI} hint ${manifest.id}`);
    lines.push(`Instructions, hints and the editor: ${options.pageUrl}`);
    const dir = options.dirArg ?? '';
    lines.push(
      `Check again: ${CLI} check ${manifest.id}${dir} (or ${CLI} watch ${manifest.id}${dir} to re-check on every save)`,
    );
  }
  return lines;
}

#!/usr/bin/env node
// `workbook`: the intern's command line. list, start, check, watch, verify, and `grade --ndjson`
// (one GradeRequest on stdin → GradeEvents as NDJSON on stdout, for the WebContainer engine).
import { existsSync, mkdirSync, readdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CatalogError, loadExercise, loadExercises, type LoadedExercise } from '../src/catalog/load.ts';
import { sealEvent } from '../src/sandbox/ndjson.ts';
import { type TddStage, tddStageSchema } from '../src/schemas/exercise.ts';
import { type FileLinks, formatReport, styleFor } from './cli-format.ts';
import { CLI, nextSteps } from './cli-next.ts';
import { cliProgressPath, recordCliRun } from './cli-progress.ts';
import { spinner } from './cli-spinner.ts';
import { createGrader } from './grader.ts';
import { PROJECT_USAGE, ProjectUsageError, projectCommand } from './project/cli-project.ts';
import { verifyExercise } from './verify.ts';

const root = join(import.meta.dirname, '..');
const USAGE = `Usage: ${CLI} <command>   (from the workbook folder, after npm install)
  list [--json]                                    the exercises
  start <id> [--dir d]                             copy the starter files into a folder (default ./<id>)
  check <id> [--dir d | --solution | --starter] [--json]   grade your folder (exit 0 only when all pass)
        [--stage spec|implementation]              tdd exercises: grade that stage (default: the first
                                                   stage not passed yet, spec then implementation)
  watch <id> [--dir d]                             re-check on every save
  hint <id> [n]                                    show hint n (default: the first)
  verify [ids…]                                    solutions pass, starters fail, for every exercise
  grade --ndjson                                   read a GradeRequest on stdin, write events as NDJSON
${PROJECT_USAGE}`;

/** A problem the user can fix: printed as one line, exit code 2. */
class UsageError extends Error {}

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: 'boolean' },
    dir: { type: 'string' },
    solution: { type: 'boolean' },
    starter: { type: 'boolean' },
    stage: { type: 'string' },
    ndjson: { type: 'boolean' },
    'no-install': { type: 'boolean' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  strict: false,
});
const [command, ...args] = positionals;

try {
  if (!command || flags.help) console.log(USAGE);
  else if (command === 'list') list();
  else if (command === 'start') start(exerciseArg());
  else if (command === 'check') process.exitCode = await check(exerciseArg());
  else if (command === 'watch') await watchExercise(exerciseArg());
  else if (command === 'hint') hint(exerciseArg(), args[1]);
  else if (command === 'verify') process.exitCode = await verify(args);
  else if (command === 'grade' && flags.ndjson) process.exitCode = await gradeNdjson();
  else if (command === 'project') process.exitCode = await projectCommand(root, args, flags, styleFor(process.stdout));
  else
    throw new UsageError(`unknown command "${[command, ...args].join(' ')}". Run \`${CLI} --help\` for the commands.`);
} catch (error) {
  if (!(error instanceof UsageError || error instanceof CatalogError || error instanceof ProjectUsageError))
    throw error;
  console.error(`workbook: ${error.message}`);
  process.exitCode = 2;
}

function exerciseArg(): LoadedExercise {
  const id = args[0];
  if (!id)
    throw new UsageError(
      `"${command}" needs an exercise id, e.g. \`${CLI} ${command} task-entity-complete\`. Run \`${CLI} list\` to see the ids.`,
    );
  return loadExercise(root, id);
}

function list(): void {
  const exercises = loadExercises(root);
  if (flags.json) {
    console.log(
      JSON.stringify(
        exercises.map(({ manifest: m }) => ({
          id: m.id,
          title: m.title,
          week: m.week,
          kind: m.kind,
          difficulty: m.difficulty,
          competencies: m.competencies,
          needs: m.needs,
          summary: m.summary,
        })),
        null,
        2,
      ),
    );
    return;
  }
  const s = styleFor(process.stdout);
  const width = Math.max(...exercises.map((e) => e.manifest.id.length), 2);
  for (const { manifest: m } of exercises) {
    console.log(
      `${s.dim(`week ${String(m.week).padStart(2)}`)}  ${m.id.padEnd(width)}  ${m.title} ${s.dim(`(${m.kind}, ${m.difficulty}${m.needs.length ? `, needs ${m.needs.join('+')}` : ''})`)}`,
    );
  }
}

function start(exercise: LoadedExercise): void {
  const { id } = exercise.manifest;
  const dir = resolve(typeof flags.dir === 'string' ? flags.dir : id);
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new UsageError(
      `${relative(process.cwd(), dir) || '.'} already exists and is not empty; pass --dir <folder> to start elsewhere, or check it with \`${CLI} check ${id} --dir ${relative(process.cwd(), dir) || '.'}\`.`,
    );
  }
  for (const [path, content] of Object.entries(exercise.starter)) write(join(dir, path), content);
  for (const [path, content] of Object.entries(exercise.readonly)) write(join(dir, 'reference', path), content);
  write(join(dir, 'README.md'), exercise.instructions);
  const shown = relative(process.cwd(), dir) || '.';
  console.log(
    `Started ${id} in ${shown}: edit ${Object.keys(exercise.starter).join(', ')} (read-only context in ${join(shown, 'reference')}).`,
  );
  console.log(`Check it with: ${CLI} check ${id} --dir ${shown}`);
}

function write(file: string, content: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
}

/** The files to grade: --solution, --starter, or the learner's folder. */
function submission(exercise: LoadedExercise): Record<string, string> {
  if (flags.solution) return exercise.solution;
  if (flags.starter) return exercise.starter;
  const { id } = exercise.manifest;
  const dir = resolve(typeof flags.dir === 'string' ? flags.dir : id);
  if (!existsSync(dir)) {
    throw new UsageError(
      `no folder ${relative(process.cwd(), dir) || dir}: run \`${CLI} start ${id}\` first, or pass --dir <folder>, --solution or --starter.`,
    );
  }
  const files: Record<string, string> = {};
  for (const path of Object.keys(exercise.starter)) {
    const file = join(dir, path);
    if (!existsSync(file))
      throw new UsageError(
        `missing ${relative(process.cwd(), file)}: the exercise grades that file; copy it back from \`${CLI} start ${id} --dir <new folder>\`.`,
      );
    files[path] = readFileSync(file, 'utf8');
  }
  return files;
}

/** The learner's files as this terminal reaches them (clickable `path:line:col`); none for --solution/--starter. */
function fileLinks(exercise: LoadedExercise): FileLinks | undefined {
  if (flags.solution || flags.starter) return undefined;
  const dir = resolve(typeof flags.dir === 'string' ? flags.dir : exercise.manifest.id);
  return { files: Object.keys(exercise.starter), at: (path) => relative(process.cwd(), join(dir, path)) };
}

async function check(exercise: LoadedExercise): Promise<number> {
  const files = submission(exercise);
  const stage = stageFlag(exercise);
  const spin = flags.json
    ? spinner({ isTTY: false, write: () => true }, '')
    : spinner(process.stderr, 'starting the grader');
  const grader = await createGrader({ root });
  const s = styleFor(process.stdout);
  try {
    spin.update(`running the checks of ${exercise.manifest.id}`);
    const grade = (which: TddStage | undefined) =>
      grader.grade({ exerciseId: exercise.manifest.id, files, ...(which ? { stage: which } : {}) }, { engine: 'cli' });
    let report = await grade(stage ?? (exercise.manifest.kind === 'tdd' ? 'spec' : undefined));
    // A tdd exercise without --stage: its current stage is the first one not passed yet.
    if (exercise.manifest.kind === 'tdd' && !stage && report.status === 'passed') {
      spin.update(`stage 1 (your spec) passes; grading stage 2 (your implementation) of ${exercise.manifest.id}`);
      report = await grade('implementation');
    }
    spin.stop();
    if (flags.json) {
      console.log(JSON.stringify(report, null, 2));
      return report.status === 'passed' ? 0 : 1;
    }
    console.log(formatReport(report, s, fileLinks(exercise)));
    const saved = afterRun(exercise, files, report);
    console.log(
      `\n${nextSteps(report, exercise.manifest, allManifests(), saved)
        .map((l) => `→ ${l}`)
        .join('\n')}`,
    );
    return report.status === 'passed' ? 0 : 1;
  } finally {
    spin.stop();
    await grader.close();
  }
}

function allManifests() {
  return loadExercises(root).map((e) => e.manifest);
}

/** Saves the run in the progress file the page imports (not for --solution/--starter runs). */
function afterRun(exercise: LoadedExercise, files: Record<string, string>, report: Parameters<typeof recordCliRun>[3]) {
  const { id } = exercise.manifest;
  const dirArg = typeof flags.dir === 'string' ? ` --dir ${flags.dir}` : '';
  const base = { pageUrl: `http://127.0.0.1:4321/exercises/${id}/`, hints: exercise.manifest.hints.length, dirArg };
  if (flags.solution || flags.starter) return base;
  const file = cliProgressPath(root);
  const note = recordCliRun(file, id, files, report);
  if (note) console.error(`workbook: ${note}`);
  return { ...base, progressFile: relative(process.cwd(), file) || file };
}

function hint(exercise: LoadedExercise, which: string | undefined): void {
  const hints = exercise.manifest.hints;
  const n = which === undefined ? 1 : Number(which);
  if (!Number.isInteger(n) || n < 1 || n > hints.length)
    throw new UsageError(`"${which}" is not a hint number; ${exercise.manifest.id} has hints 1 to ${hints.length}.`);
  console.log(`Hint ${n} of ${hints.length} for ${exercise.manifest.id}:\n\n${hints[n - 1]}`);
  if (n < hints.length) console.log(`\nStill stuck? ${CLI} hint ${exercise.manifest.id} ${n + 1}`);
}

/** --stage, checked: only tdd exercises have stages, and only these two. */
function stageFlag(exercise: LoadedExercise): TddStage | undefined {
  if (flags.stage === undefined) return undefined;
  if (exercise.manifest.kind !== 'tdd')
    throw new UsageError(
      `--stage applies only to tdd exercises; "${exercise.manifest.id}" is graded in one stage. Drop --stage.`,
    );
  const parsed = tddStageSchema.safeParse(flags.stage);
  if (!parsed.success)
    throw new UsageError(`--stage must be "spec" or "implementation", not "${String(flags.stage)}".`);
  return parsed.data;
}

async function watchExercise(exercise: LoadedExercise): Promise<void> {
  const { id } = exercise.manifest;
  const dir = resolve(typeof flags.dir === 'string' ? flags.dir : id);
  submission(exercise); // fails early, with the fix, when the folder is missing
  const grader = await createGrader({ root });
  const s = styleFor(process.stdout);
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  let runs = 0;
  const run = () => {
    running = running.then(async () => {
      try {
        // Each run under its own rule with the time, so one run's output never reads as the next one's.
        runs += 1;
        const time = new Date().toLocaleTimeString('en-GB', { hour12: false });
        console.log(`\n${s.bold(`── run ${runs} · ${time} ${'─'.repeat(40)}`)}`);
        const spin = spinner(process.stderr, `running the checks of ${id}`);
        const files = submission(exercise);
        const report = await grader.grade({ exerciseId: id, files }, { engine: 'cli' }).finally(() => spin.stop());
        const saved = afterRun(exercise, files, report);
        console.log(
          `${formatReport(report, s, fileLinks(exercise))}\n${nextSteps(
            report,
            exercise.manifest,
            allManifests(),
            saved,
          )
            .filter((l) => !l.startsWith('Check again'))
            .map((l) => `→ ${l}`)
            .join(
              '\n',
            )}\n${s.dim(`watching ${relative(process.cwd(), dir) || '.'} — save a file to check again, Ctrl-C to stop`)}`,
        );
      } catch (error) {
        console.error(`workbook: ${(error as Error).message}`);
      }
    });
  };
  run();
  const watcher = watch(dir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  });
  await new Promise<void>((done) => process.once('SIGINT', done));
  watcher.close();
  await running;
  await grader.close();
}

async function verify(ids: string[]): Promise<number> {
  const all = loadExercises(root);
  const unknown = ids.filter((id) => !all.some((e) => e.manifest.id === id));
  if (unknown.length > 0) throw new UsageError(`unknown exercise "${unknown[0]}". Run \`${CLI} list\` to see the ids.`);
  const chosen = ids.length ? all.filter((e) => ids.includes(e.manifest.id)) : all;
  const s = styleFor(process.stdout);
  const grader = await createGrader({ root, concurrency: 2 });
  let failures = 0;
  try {
    await Promise.all(
      chosen.map(async (exercise) => {
        const result = await verifyExercise(grader, root, exercise);
        failures += result.problems.length;
        const detail = result.runs.map((r) => `${r.label} ${r.report.status}`).join(', ');
        console.log(
          result.problems.length === 0
            ? `${s.green('✔')} ${result.id} ${s.dim(`(${detail})`)}`
            : `${s.red('✖')} ${result.id}\n${result.problems.map((p) => `    ${p}`).join('\n')}`,
        );
      }),
    );
  } finally {
    await grader.close();
  }
  console.log(
    failures === 0
      ? s.green(`All ${chosen.length} exercises verified.`)
      : s.red(`${failures} problem(s) in ${chosen.length} exercises.`),
  );
  return failures === 0 ? 0 : 1;
}

async function gradeNdjson(): Promise<number> {
  let input = '';
  for await (const chunk of process.stdin) input += String(chunk);
  let request: unknown;
  try {
    request = JSON.parse(input);
  } catch (error) {
    throw new UsageError(
      `stdin is not one JSON GradeRequest (${(error as Error).message}); send {"exerciseId": "...", "files": {"path": "content"}}.`,
    );
  }
  // With a nonce (the WebContainer engine sends one), every line carries it: the reader drops
  // anything else on this output, such as a report printed by learner code.
  const nonce =
    typeof (request as { nonce?: unknown } | null)?.nonce === 'string'
      ? (request as { nonce: string }).nonce
      : undefined;
  const grader = await createGrader({ root });
  try {
    const report = await grader.grade(request as Parameters<typeof grader.grade>[0], {
      engine: 'webcontainer',
      onEvent: (event) => process.stdout.write(`${nonce ? sealEvent(nonce, event) : JSON.stringify(event)}\n`),
    });
    return report.status === 'passed' ? 0 : 1;
  } catch (error) {
    throw new UsageError((error as Error).message);
  } finally {
    await grader.close();
  }
}

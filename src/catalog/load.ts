// Build-time and grader-side catalog: reads exercises/, solutions/ and checks/ from disk and
// validates them, naming the file and the field on any problem. Node only (never in the browser).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { exerciseManifestSchema, type ExerciseManifest } from '../schemas/exercise.ts';
import { type LoadedMutant, loadMutants } from './mutants.ts';

export interface LoadedExercise {
  manifest: ExerciseManifest;
  /** Markdown instructions shown above the editor. */
  instructions: string;
  /** Workspace path → starter content, for every editable file. */
  starter: Record<string, string>;
  /** Workspace path → reference answer, for every editable file (solutions/<id>/, else service/). */
  solution: Record<string, string>;
  /** Workspace path → service content, for every read-only file. */
  readonly: Record<string, string>;
  /** Absolute paths of the hidden check files. */
  checkFiles: string[];
  /** write-tests and tdd: mutant name (checks/<id>/mutants/<name>.json) → description and mutated files. */
  mutants: Record<string, LoadedMutant>;
}

/** A catalog problem, phrased as "<file>: <field> <what is wrong>". */
export class CatalogError extends Error {
  override name = 'CatalogError';
}

const MANIFEST = 'exercise.json';

/** Loads and validates every exercise under `root`; throws one CatalogError listing all problems. */
export function loadExercises(root: string): LoadedExercise[] {
  const problems: string[] = [];
  const loaded: LoadedExercise[] = [];
  const exercisesDir = join(root, 'exercises');
  if (!existsSync(exercisesDir)) return [];
  const seen = new Map<string, string>();
  const folders = readdirSync(exercisesDir)
    .sort()
    .filter((name) => statSync(join(exercisesDir, name)).isDirectory());
  const freeOrder = nextFreeOrder(root, folders);
  for (const name of folders) {
    const dir = join(exercisesDir, name);
    const exercise = loadOne(root, name, problems, freeOrder);
    if (!exercise) continue;
    const file = rel(root, join(dir, MANIFEST));
    const previous = seen.get(exercise.manifest.id);
    if (previous)
      problems.push(`${file}: id "${exercise.manifest.id}" is already used by ${previous}; ids must be unique`);
    seen.set(exercise.manifest.id, file);
    loaded.push(exercise);
  }
  problems.push(...ladderProblems(root, loaded));
  if (problems.length > 0) throw new CatalogError(`Invalid exercise catalog:\n- ${problems.join('\n- ')}`);
  return loaded.sort(byLadder);
}

/** Catalog order: week, then the week's ladder (`order`), then id as a stable tie-break. */
export function byLadder(a: LoadedExercise, b: LoadedExercise): number {
  const x = a.manifest;
  const y = b.manifest;
  return x.week - y.week || x.order - y.order || x.id.localeCompare(y.id);
}

/**
 * Each week's `order` values must be 1..n without gaps or repeats (n = the week's exercise count), so
 * "exercise 3 of week 2" means one thing in the chapter, the catalog and the sets.
 */
function ladderProblems(root: string, loaded: LoadedExercise[]): string[] {
  const problems: string[] = [];
  const file = (id: string) => rel(root, join(root, 'exercises', id, MANIFEST));
  const weeks = Map.groupBy(loaded, (e) => e.manifest.week);
  for (const [week, list] of [...weeks].sort(([a], [b]) => a - b)) {
    const byOrder = Map.groupBy(list, (e) => e.manifest.order);
    for (const [order, same] of byOrder) {
      if (same.length < 2) continue;
      const ids = same.map((e) => e.manifest.id).sort();
      for (const id of ids.slice(1))
        problems.push(
          `${file(id)}: field "order" is ${order}, the same as ${file(ids[0] ?? '')} in week ${week}; give each exercise of a week its own place (1..${list.length})`,
        );
    }
    const gaps = list.map((_, i) => i + 1).filter((n) => !byOrder.has(n));
    const beyond = list.filter((e) => e.manifest.order > list.length);
    if (gaps.length > 0 && beyond.length > 0)
      problems.push(
        `week ${week}: field "order" must run 1..${list.length} without gaps (the week has ${list.length} exercises), but ${gaps.join(', ')} ${gaps.length === 1 ? 'is' : 'are'} unused while ${beyond
          .map((e) => `${file(e.manifest.id)} has ${e.manifest.order}`)
          .join(', ')}; renumber them`,
      );
  }
  return problems;
}

/** The smallest order not yet taken in each week, read leniently so a missing `order` can be fixed in one step. */
function nextFreeOrder(root: string, folders: string[]): (week: unknown) => number | undefined {
  const taken = new Map<number, Set<number>>();
  for (const name of folders) {
    try {
      const raw = JSON.parse(readFileSync(join(root, 'exercises', name, MANIFEST), 'utf8')) as Record<string, unknown>;
      if (typeof raw['week'] !== 'number' || typeof raw['order'] !== 'number') continue;
      const set = taken.get(raw['week']) ?? new Set<number>();
      set.add(raw['order']);
      taken.set(raw['week'], set);
    } catch {
      // Unreadable manifests are reported by loadOne with their own message.
    }
  }
  return (week) => {
    if (typeof week !== 'number') return undefined;
    const set = taken.get(week) ?? new Set<number>();
    let n = 1;
    while (set.has(n)) n += 1;
    return n;
  };
}

/** Loads and validates one exercise by id (the grader's path: one broken exercise must not block the others). */
export function loadExercise(root: string, id: string): LoadedExercise {
  const dir = join(root, 'exercises', id);
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) || !existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new CatalogError(
      `Unknown exercise "${id}": there is no folder ${rel(root, dir)}. Run \`workbook list\` to see the exercise ids.`,
    );
  }
  const problems: string[] = [];
  const exercise = loadOne(root, id, problems);
  if (!exercise || problems.length > 0) throw new CatalogError(`Invalid exercise "${id}":\n- ${problems.join('\n- ')}`);
  return exercise;
}

function loadOne(
  root: string,
  folder: string,
  problems: string[],
  freeOrder: (week: unknown) => number | undefined = () => undefined,
): LoadedExercise | undefined {
  const dir = join(root, 'exercises', folder);
  const manifestPath = join(dir, MANIFEST);
  const file = rel(root, manifestPath);
  if (!existsSync(manifestPath)) {
    problems.push(`${file}: missing; every exercise folder needs a manifest (see docs/exercise-format.md)`);
    return undefined;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch (error) {
    problems.push(`${file}: is not valid JSON (${(error as Error).message})`);
    return undefined;
  }
  const parsed = exerciseManifestSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(`${file}: field "${issue.path.join('.') || '(root)'}" ${describeIssue(issue, raw, freeOrder)}`);
    }
    return undefined;
  }
  const manifest = parsed.data;
  const before = problems.length;
  if (manifest.id !== folder)
    problems.push(`${file}: field "id" is "${manifest.id}" but the folder is "${folder}"; make them equal`);

  const instructionsPath = join(dir, 'instructions.md');
  if (!existsSync(instructionsPath))
    problems.push(`${rel(root, instructionsPath)}: missing; write the learner's instructions there`);

  const starter: Record<string, string> = {};
  const solution: Record<string, string> = {};
  const readonly: Record<string, string> = {};
  manifest.files.forEach((f, i) => {
    if (f.editable) {
      const s = join(dir, f.path);
      const a = join(root, 'solutions', folder, f.path);
      const service = join(root, 'service', f.path);
      if (!existsSync(s)) problems.push(`${file}: files[${i}].path "${f.path}" has no starter at ${rel(root, s)}`);
      else starter[f.path] = readFileSync(s, 'utf8');
      // A solution equal to the service file is not stored twice: the service is the answer.
      if (existsSync(a)) {
        solution[f.path] = readFileSync(a, 'utf8');
        if (existsSync(service) && readFileSync(service, 'utf8') === solution[f.path])
          problems.push(`${rel(root, a)}: equals service/${f.path}; delete it (the service file is the solution)`);
      } else if (existsSync(service)) solution[f.path] = readFileSync(service, 'utf8');
      else problems.push(`${file}: files[${i}].path "${f.path}" has no solution at ${rel(root, a)} nor in service/`);
    } else {
      const p = join(root, 'service', f.path);
      if (!existsSync(p)) problems.push(`${file}: files[${i}].path "${f.path}" does not exist in service/`);
      else readonly[f.path] = readFileSync(p, 'utf8');
    }
  });

  const checksDir = join(root, 'checks', folder);
  const checkFiles = existsSync(checksDir)
    ? readdirSync(checksDir)
        .filter((n) => n.endsWith('.check.ts'))
        .sort()
        .map((n) => join(checksDir, n))
    : [];
  // write-tests exercises are graded by their mutants; hidden checks are optional for them.
  if (checkFiles.length === 0 && manifest.kind !== 'write-tests')
    problems.push(`${rel(root, checksDir)}: no *.check.ts files; every exercise needs hidden checks`);

  if (manifest.kind === 'tdd') {
    // Stage 1 grades the one spec file, stage 2 the implementation files: both must be editable.
    const editable = manifest.files.filter((f) => f.editable).map((f) => f.path);
    const specs = editable.filter((p) => /\.(spec|test)\.ts$/.test(p));
    if (specs.length !== 1 || editable.length < 2)
      problems.push(
        `${file}: field "files" of a tdd exercise needs exactly one editable *.spec.ts (the learner's spec) and at least one other editable file (the implementation); found ${editable.join(', ')}`,
      );
  }
  // tdd mutants edit the reference implementation, which lives in solutions/ (the service has none).
  const mutants =
    manifest.kind === 'implement'
      ? {}
      : loadMutants(root, join(checksDir, 'mutants'), problems, manifest.kind === 'tdd' ? solution : {}, manifest.kind);
  if (problems.length > before) return undefined;
  return {
    manifest,
    instructions: readFileSync(instructionsPath, 'utf8'),
    starter,
    solution,
    readonly,
    checkFiles,
    mutants,
  };
}

/** A zod issue in words; a missing `order` names the value to add, so new exercises join the ladder in one edit. */
function describeIssue(
  issue: { path: PropertyKey[]; message: string },
  raw: unknown,
  freeOrder: (week: unknown) => number | undefined,
): string {
  const fields = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  if (issue.path.length !== 1 || issue.path[0] !== 'order' || 'order' in fields) return issue.message;
  const week = fields['week'];
  const next = freeOrder(week);
  return next === undefined
    ? 'is missing: add "order": <n>, the exercise\'s place in its week\'s ladder (1 = first, unique in the week, no gaps)'
    : `is missing: add "order": ${next} (the next free place in week ${String(week)}'s ladder; 1 = first, unique in the week, no gaps; move it earlier by renumbering the others if it is easier than they are)`;
}

const rel = (root: string, p: string) => relative(root, p) || '.';

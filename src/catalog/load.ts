// Build-time and grader-side catalog: reads exercises/, solutions/ and checks/ from disk and
// validates them, naming the file and the field on any problem. Node only (never in the browser).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { exerciseManifestSchema, type ExerciseManifest } from '../schemas/exercise.ts';

export interface LoadedExercise {
  manifest: ExerciseManifest;
  /** Markdown instructions shown above the editor. */
  instructions: string;
  /** Workspace path → starter content, for every editable file. */
  starter: Record<string, string>;
  /** Workspace path → reference answer, for every editable file. */
  solution: Record<string, string>;
  /** Workspace path → service content, for every read-only file. */
  readonly: Record<string, string>;
  /** Absolute paths of the hidden check files. */
  checkFiles: string[];
  /** write-tests only: mutant folder name → description. */
  mutants: Record<string, string>;
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
  for (const name of readdirSync(exercisesDir).sort()) {
    const dir = join(exercisesDir, name);
    if (!statSync(dir).isDirectory()) continue;
    const exercise = loadOne(root, name, problems);
    if (!exercise) continue;
    const file = rel(root, join(dir, MANIFEST));
    const previous = seen.get(exercise.manifest.id);
    if (previous)
      problems.push(`${file}: id "${exercise.manifest.id}" is already used by ${previous}; ids must be unique`);
    seen.set(exercise.manifest.id, file);
    loaded.push(exercise);
  }
  if (problems.length > 0) throw new CatalogError(`Invalid exercise catalog:\n- ${problems.join('\n- ')}`);
  return loaded.sort((a, b) => a.manifest.week - b.manifest.week || a.manifest.id.localeCompare(b.manifest.id));
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

function loadOne(root: string, folder: string, problems: string[]): LoadedExercise | undefined {
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
      problems.push(`${file}: field "${issue.path.join('.') || '(root)'}" ${issue.message}`);
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
      if (!existsSync(s)) problems.push(`${file}: files[${i}].path "${f.path}" has no starter at ${rel(root, s)}`);
      else starter[f.path] = readFileSync(s, 'utf8');
      if (!existsSync(a)) problems.push(`${file}: files[${i}].path "${f.path}" has no solution at ${rel(root, a)}`);
      else solution[f.path] = readFileSync(a, 'utf8');
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
  if (checkFiles.length === 0 && manifest.kind === 'implement')
    problems.push(`${rel(root, checksDir)}: no *.check.ts files; every exercise needs hidden checks`);

  const mutants: Record<string, string> = {};
  const mutantsDir = join(checksDir, 'mutants');
  if (manifest.kind === 'write-tests') {
    const names = existsSync(mutantsDir) ? readdirSync(mutantsDir).sort() : [];
    for (const name of names) {
      const meta = join(mutantsDir, name, 'mutant.json');
      try {
        const { description } = JSON.parse(readFileSync(meta, 'utf8')) as { description?: unknown };
        if (typeof description !== 'string' || description.length === 0)
          throw new Error('field "description" must be a non-empty string');
        mutants[name] = description;
      } catch (error) {
        problems.push(`${rel(root, meta)}: ${(error as Error).message}`);
      }
    }
    if (names.length < 3)
      problems.push(`${rel(root, mutantsDir)}: a write-tests exercise needs at least 3 mutants, found ${names.length}`);
  }
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

const rel = (root: string, p: string) => relative(root, p) || '.';

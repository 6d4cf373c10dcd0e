// write-tests mutants: checks/<id>/mutants/<name>.json holds anchored edits to service files
// (src/schemas/mutant.ts); this turns them into the files a run overlays. Node only.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type Mutant, type MutantEdit, mutantSchema } from '../schemas/mutant.ts';

export interface LoadedMutant {
  description: string;
  /** Workspace path → the mutated service file, for every file the edits touch. */
  files: Record<string, string>;
}

/** How often `needle` occurs in `text` (overlapping occurrences count: an anchor must be unambiguous). */
export function occurrences(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) count++;
  return count;
}

/**
 * Applies a mutant's edits to the files `read` returns (service content by workspace path).
 * Throws naming the edit, the file and the anchor text when an anchor does not match exactly once.
 */
export function applyMutant(mutant: Mutant, read: (path: string) => string | undefined): Record<string, string> {
  const files: Record<string, string> = {};
  mutant.edits.forEach((edit: MutantEdit, i) => {
    const current = files[edit.file] ?? read(edit.file);
    if (current === undefined) throw new Error(`edits[${i}].file "${edit.file}" does not exist in service/`);
    const found = occurrences(current, edit.find);
    if (found !== 1)
      throw new Error(
        `edits[${i}].find matches ${found} times in service/${edit.file} (it must match exactly once; update the anchor to the service's current text): ${JSON.stringify(edit.find)}`,
      );
    files[edit.file] = current.replace(edit.find, () => edit.replace);
  });
  for (const [path, content] of Object.entries(files))
    if (content === read(path)) throw new Error(`the edits leave service/${path} unchanged; a mutant must change it`);
  return files;
}

/** Reads and applies every mutant of an exercise, pushing "<file>: <what is wrong>" problems. */
export function loadMutants(
  root: string,
  mutantsDir: string,
  problems: string[],
  /** Files the edits apply to before the service's (tdd: the reference implementation from solutions/). */
  base: Record<string, string> = {},
  kind = 'write-tests',
): Record<string, LoadedMutant> {
  const mutants: Record<string, LoadedMutant> = {};
  const names = existsSync(mutantsDir) ? readdirSync(mutantsDir).sort() : [];
  const read = (path: string) => {
    if (base[path] !== undefined) return base[path];
    const file = join(root, 'service', path);
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  };
  for (const entry of names) {
    const file = join(mutantsDir, entry);
    const where = relative(root, file);
    if (!entry.endsWith('.json') || statSync(file).isDirectory()) {
      problems.push(
        `${where}: a mutant is one <name>.json of edits to service files (src/schemas/mutant.ts), not a copy`,
      );
      continue;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      problems.push(`${where}: is not valid JSON (${(error as Error).message})`);
      continue;
    }
    const parsed = mutantSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push(`${where}: field "${issue.path.join('.') || '(root)'}" ${issue.message}`);
      continue;
    }
    try {
      mutants[entry.slice(0, -'.json'.length)] = {
        description: parsed.data.description,
        files: applyMutant(parsed.data, read),
      };
    } catch (error) {
      problems.push(`${where}: ${(error as Error).message}`);
    }
  }
  if (names.length < 3)
    problems.push(
      `${relative(root, mutantsDir) || '.'}: a ${kind} exercise needs at least 3 mutants, found ${names.length}`,
    );
  return mutants;
}

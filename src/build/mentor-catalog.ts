// Build-time data for the mentor pages (Node only, imported from Astro front matter): the exercise
// catalog reduced to what mentors need, and the curated sets under sets/.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadExercises } from '../catalog/load.ts';
import type { ExerciseSet } from '../schemas/exercise-set.ts';
import type { CatalogEntry } from '../mentor/cohort-table.ts';
import { parseSetText } from '../mentor/formats.ts';

/** Every exercise of this workbook, in week order. */
export function mentorCatalog(root: string = process.cwd()): CatalogEntry[] {
  return loadExercises(root).map(({ manifest: m }) => ({
    id: m.id,
    title: m.title,
    week: m.week,
    competencies: m.competencies,
    ...(m.kind === 'tdd' ? { testFirst: true } : {}),
  }));
}

/** The curated sets shipped in sets/*.json; a broken one fails the build with its file and field. */
export function curatedSets(root: string = process.cwd()): ExerciseSet[] {
  const dir = join(root, 'sets');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((name) => {
      const parsed = parseSetText(readFileSync(join(dir, name), 'utf8'), `sets/${name}`);
      if (!parsed.ok) throw new Error(parsed.error);
      return parsed.value;
    });
}

// Wires the `weeks` collection to its schema (src/schemas/week.ts) and `capstone` to
// src/schemas/capstone.ts. The only additions are the cross-checks the schemas cannot make alone:
// file names must match `week` / `milestone`, and every exercise id a chapter names must exist in
// exercises/ (src/catalog/load.ts). Capstone chapter links are checked where they render
// (src/build/capstone.ts), since they need the chapters' headings.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { weekSchemaWithExercises } from './schemas/week.ts';
import { capstoneMilestoneSchema } from './schemas/capstone.ts';
import { loadExercises } from './catalog/load.ts';

// WORKBOOK_WEEKS_DIR points the build at other chapters (test fixtures); normally unset.
const WEEKS_DIR = process.env['WORKBOOK_WEEKS_DIR'] ?? 'src/content/weeks';
const FILE_NAME = /^week-(\d{2})\.mdx$/;

// Exercise ids on disk (the build runs from the repository root); an invalid catalog fails here
// with loadExercises' own file-and-field messages.
const exerciseIds = new Set(loadExercises(process.cwd()).map((e) => e.manifest.id));

const weeks = defineCollection({
  loader: glob({
    pattern: '*.mdx',
    base: WEEKS_DIR.startsWith('/') ? WEEKS_DIR : `./${WEEKS_DIR}`,
    generateId: ({ entry, data }) => {
      const match = FILE_NAME.exec(entry);
      if (!match) throw new Error(`${WEEKS_DIR}/${entry}: file name must be week-NN.mdx (e.g. week-01.mdx)`);
      const fromName = Number(match[1]);
      if (data['week'] !== fromName) {
        throw new Error(
          `${WEEKS_DIR}/${entry}: field "week" is ${JSON.stringify(data['week'])} but the file name says ${fromName}; make them equal`,
        );
      }
      return `week-${match[1]}`;
    },
  }),
  schema: weekSchemaWithExercises(exerciseIds),
});

// The capstone's milestone pages (src/content/capstone/m1.md…): the one place each contract is written.
const CAPSTONE_DIR = 'src/content/capstone';
const capstone = defineCollection({
  loader: glob({
    pattern: '*.md',
    base: `./${CAPSTONE_DIR}`,
    generateId: ({ entry, data }) => {
      const id = entry.replace(/\.md$/, '');
      if (data['milestone'] !== id) {
        throw new Error(
          `${CAPSTONE_DIR}/${entry}: field "milestone" is ${JSON.stringify(data['milestone'])} but the file name says "${id}"; make them equal`,
        );
      }
      return id;
    },
  }),
  schema: capstoneMilestoneSchema,
});

export const collections = { weeks, capstone };

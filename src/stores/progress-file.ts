// The learner's progress as a versioned file (src/schemas/progress-file.ts): written by the page's
// "Export progress" and by the `workbook` CLI, read back by "Import progress".
import type { Parsed } from '../mentor/parse-file.ts';
import { parseFile } from '../mentor/parse-file.ts';
import {
  PROGRESS_FILE_FORMAT,
  PROGRESS_FILE_VERSION,
  progressFileSchema,
  type ProgressFile,
} from '../schemas/progress-file.ts';
import type { Progress } from '../schemas/progress.ts';

const kind = {
  format: PROGRESS_FILE_FORMAT,
  version: PROGRESS_FILE_VERSION,
  noun: 'progress file',
  remedy: 'Export it again ("Export progress" on the home page where your progress is, or `npx workbook check`).',
};

/** Wraps the whole progress object (every key) in a progress file. */
export function buildProgressFile(progress: Progress, source: string, now = new Date()): ProgressFile {
  return {
    format: PROGRESS_FILE_FORMAT,
    version: PROGRESS_FILE_VERSION,
    exportedAt: now.toISOString(),
    source,
    progress,
  };
}

/** Parses a progress file's text; `source` names it in messages (e.g. `"progress.json"`). */
export const parseProgressFile = (text: string, source: string): Parsed<ProgressFile> =>
  parseFile(text, source, kind, progressFileSchema);

/** `workbook-progress-2026-12-06.json` */
export const progressFileName = (now = new Date()) => `workbook-progress-${now.toISOString().slice(0, 10)}.json`;

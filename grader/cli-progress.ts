// The CLI keeps its results in a progress file (src/schemas/progress-file.ts) that the page's
// "Import a progress file" accepts, so a pass in the terminal can count in the browser too. It is
// updated through the same progress store the page uses (attempts, status, first pass, last report).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CheckReport } from '../src/schemas/report.ts';
import { buildProgressFile, parseProgressFile } from '../src/stores/progress-file.ts';
import { PROGRESS_KEY, createProgressStore } from '../src/stores/progress.ts';
import { memoryStorage } from '../src/stores/saved.ts';

/** Where the CLI writes it: under the workbook's own folder (WORKBOOK_PROGRESS_FILE moves it, e.g. in tests). */
export const cliProgressPath = (root: string, env = process.env) =>
  env['WORKBOOK_PROGRESS_FILE'] ?? join(root, '.workbook', 'progress.json');

/** Records one graded run; returns a note when an unreadable old file had to be set aside. */
export function recordCliRun(
  file: string,
  exerciseId: string,
  files: Record<string, string>,
  report: CheckReport,
): string | undefined {
  const storage = memoryStorage();
  let note: string | undefined;
  if (existsSync(file)) {
    const parsed = parseProgressFile(readFileSync(file, 'utf8'), file);
    if (parsed.ok) storage.setItem(PROGRESS_KEY, JSON.stringify(parsed.value.progress));
    else {
      // Never overwrite what cannot be read: keep it beside the new file.
      const aside = `${file}.unreadable-${Date.now()}`;
      renameSync(file, aside);
      note = `${parsed.error} It was kept as ${aside}; a new progress file was started.`;
    }
  }
  const store = createProgressStore(storage);
  store.saveFiles(exerciseId, files);
  store.recordReport(exerciseId, report, files);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(buildProgressFile(store.$progress.get(), 'workbook CLI'), null, 2)}\n`);
  return note;
}

// The learner's progress on every exercise, persisted in the browser and validated by
// src/schemas/progress.ts. UI reads these stores; only the functions below change them.
import { atom, type ReadableAtom } from 'nanostores';
import { PROGRESS_VERSION, progressSchema, type ExerciseProgress, type ExerciseStatus, type Progress } from '../schemas/progress.ts';
import type { CheckReport } from '../schemas/report.ts';
import { browserStorage, loadSaved, writeSaved, type KeyValueStorage, type SaveNotice } from './saved.ts';

import { PROGRESS_KEY } from './progress-status.ts';

export { PROGRESS_KEY };

export const emptyProgress = (): Progress => ({ version: PROGRESS_VERSION, exercises: {} });

const emptyExercise = (): ExerciseProgress => ({ files: {}, status: 'not-started', attempts: 0, hintsUsed: 0, solutionViewed: false, updatedAt: new Date().toISOString() });

export interface ProgressSummary {
  total: number;
  passed: number;
  attempted: number;
}

export interface ProgressStore {
  readonly $progress: ReadableAtom<Progress>;
  /** Set when saved data was unreadable (kept aside) or cannot be written; the page shows it. */
  readonly $notice: ReadableAtom<SaveNotice | null>;
  exercise(id: string): ExerciseProgress | undefined;
  /** The learner's current code for an exercise (autosave calls this, debounced by the caller). */
  saveFiles(id: string, files: Record<string, string>): void;
  /** Records a finished run: attempts, status, first pass time, last report. */
  recordReport(id: string, report: CheckReport): void;
  /** Records that `count` hints are now revealed (never decreases). */
  recordHints(id: string, count: number): void;
  recordSolutionViewed(id: string): void;
  /** Counts exercise statuses among `ids`. */
  summarize(ids: readonly string[]): ProgressSummary;
  status(id: string): ExerciseStatus;
  /** Re-reads storage, e.g. after another tab wrote it. */
  reload(): void;
  dismissNotice(): void;
}

/** Creates a progress store over `storage` (the browser's localStorage by default). */
export function createProgressStore(storage: KeyValueStorage = browserStorage()): ProgressStore {
  const $progress = atom<Progress>(emptyProgress());
  const $notice = atom<SaveNotice | null>(null);

  const load = () => {
    const { value, notice } = loadSaved(storage, PROGRESS_KEY, progressSchema, emptyProgress, 'exercise progress');
    $progress.set(value);
    if (notice) $notice.set(notice);
    // The unreadable data is safe in its backup; replace it so it is not backed up again.
    if (notice?.kind === 'recovered') writeSaved(storage, PROGRESS_KEY, value, 'exercise progress');
  };
  const readLatest = (): Progress => {
    try {
      const raw = storage.getItem(PROGRESS_KEY);
      const parsed = raw === null ? null : progressSchema.safeParse(JSON.parse(raw));
      return parsed?.success ? parsed.data : $progress.get();
    } catch {
      return $progress.get();
    }
  };
  const update = (id: string, change: (current: ExerciseProgress) => ExerciseProgress) => {
    // Read storage first so a write from another tab is not overwritten with stale state.
    const latest = readLatest();
    const current = latest.exercises[id] ?? emptyExercise();
    const next: Progress = { ...latest, exercises: { ...latest.exercises, [id]: { ...change(current), updatedAt: new Date().toISOString() } } };
    $progress.set(next);
    const notice = writeSaved(storage, PROGRESS_KEY, next, 'exercise progress');
    if (notice) $notice.set(notice);
  };
  load();

  const status = (id: string): ExerciseStatus => $progress.get().exercises[id]?.status ?? 'not-started';
  return {
    $progress,
    $notice,
    exercise: (id) => $progress.get().exercises[id],
    saveFiles: (id, files) => update(id, (p) => ({ ...p, files: { ...files } })),
    recordReport: (id, report) =>
      update(id, (p) => {
        const passed = report.status === 'passed';
        return {
          ...p,
          attempts: p.attempts + 1,
          status: passed || p.status === 'passed' ? 'passed' : 'attempted',
          ...(passed && !p.firstPassedAt ? { firstPassedAt: report.finishedAt } : {}),
          lastReport: report,
        };
      }),
    recordHints: (id, count) => update(id, (p) => ({ ...p, hintsUsed: Math.max(p.hintsUsed, count) })),
    recordSolutionViewed: (id) => update(id, (p) => ({ ...p, solutionViewed: true })),
    summarize(ids) {
      const summary = { total: ids.length, passed: 0, attempted: 0 };
      for (const id of ids) {
        const s = status(id);
        if (s === 'passed') summary.passed++;
        else if (s === 'attempted') summary.attempted++;
      }
      return summary;
    },
    status,
    reload: load,
    dismissNotice: () => $notice.set(null),
  };
}

let shared: ProgressStore | undefined;
/** The page-wide store, created on first use and kept in sync with other tabs. */
export function progressStore(): ProgressStore {
  if (!shared) {
    shared = createProgressStore();
    if (typeof window !== 'undefined') {
      const store = shared;
      window.addEventListener('storage', (event) => {
        if (event.key === PROGRESS_KEY) store.reload();
      });
      // Badges on this page listen for this (the storage event only reaches other tabs).
      store.$progress.listen(() => window.dispatchEvent(new Event('workbook:progress')));
    }
  }
  return shared;
}

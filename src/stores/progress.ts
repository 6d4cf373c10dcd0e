// The learner's progress on every exercise, persisted in the browser and validated by
// src/schemas/progress.ts. UI reads these stores; only the functions below change them.
import type { ReadableAtom } from 'nanostores';
import { exerciseIdSchema } from '../schemas/exercise.ts';
import {
  PROGRESS_VERSION,
  exerciseProgressSchema,
  progressSchema,
  type ExerciseProgress,
  type ExerciseStatus,
  type Progress,
  type StageProgress,
} from '../schemas/progress.ts';
import type { CheckReport } from '../schemas/report.ts';
import { filesDigest } from './files-digest.ts';
import { createPersisted, keepValidEntries, type PersistedStore } from './persisted.ts';
import { mergeProgress } from './progress-merge.ts';
import type { KeyValueStorage, SaveNotice } from './saved.ts';

import { PROGRESS_KEY } from './progress-status.ts';

export { PROGRESS_KEY };

export const emptyProgress = (): Progress => ({ version: PROGRESS_VERSION, exercises: {} });

const emptyExercise = (): ExerciseProgress => ({
  files: {},
  status: 'not-started',
  attempts: 0,
  hintsUsed: 0,
  solutionViewed: false,
  updatedAt: new Date().toISOString(),
});

export interface ProgressSummary {
  total: number;
  passed: number;
  attempted: number;
}

export interface ProgressStore {
  readonly $progress: ReadableAtom<Progress>;
  /** Set when saved data was unreadable (kept aside) or cannot be written; the page shows it. */
  readonly $notice: ReadableAtom<SaveNotice | null>;
  /** True while unreadable progress could not be backed up: nothing is saved until the learner acts. */
  readonly $held: ReadableAtom<boolean>;
  exercise(id: string): ExerciseProgress | undefined;
  /** The learner's current code for an exercise (autosave calls this, debounced by the caller). */
  saveFiles(id: string, files: Record<string, string>): void;
  /** Records a finished run: attempts, status, first pass time, last report. */
  /** Records a run's report; `graded` (the files it graded) lets a reload tell whether the code changed since. */
  recordReport(id: string, report: CheckReport, graded?: Record<string, string>): void;
  /** Records that `count` hints are now revealed (never decreases). */
  recordHints(id: string, count: number): void;
  recordSolutionViewed(id: string): void;
  /** Counts exercise statuses among `ids`. */
  summarize(ids: readonly string[]): ProgressSummary;
  status(id: string): ExerciseStatus;
  /** Re-reads storage, e.g. after another tab wrote it. */
  reload(): void;
  dismissNotice(): void;
  /** The unreadable saved text being held, to download; null when none. */
  heldText(): string | null;
  /** The learner chose to drop the unreadable data: save again from now on. */
  discardUnreadable(): boolean;
  /** Merges an imported progress object into the latest saved one (see progress-merge.ts); false when not saved. */
  merge(incoming: Progress): boolean;
}

/** A tdd stage after one more of its reports: passed stays passed, the first pass time is kept. */
function stageAfter(previous: StageProgress | undefined, report: CheckReport): StageProgress {
  const passed = report.status === 'passed';
  const firstPassedAt = previous?.firstPassedAt ?? (passed ? report.finishedAt : undefined);
  return {
    status: passed || previous?.status === 'passed' ? 'passed' : 'attempted',
    ...(firstPassedAt ? { firstPassedAt } : {}),
    lastReport: report,
  };
}

/** Damaged progress keeps every exercise entry that is still valid; the rest is in the backup. */
export function salvageProgress(raw: unknown): { value: Progress; dropped: string[] } | null {
  // Data from a newer workbook is not downgraded here: it stays in its backup, whole.
  if (typeof raw !== 'object' || raw === null || (raw as { version?: unknown }).version !== PROGRESS_VERSION)
    return null;
  const { version: _version, exercises, ...others } = raw as Record<string, unknown>;
  const { kept, dropped } = keepValidEntries(exercises, exerciseProgressSchema, 'exercises', exerciseIdSchema);
  return { value: { ...others, version: PROGRESS_VERSION, exercises: kept }, dropped };
}

/** Creates a progress store over `storage` (the browser's localStorage by default). */
export function createProgressStore(storage?: KeyValueStorage): ProgressStore {
  const persisted: PersistedStore<Progress> = createPersisted({
    key: PROGRESS_KEY,
    schema: progressSchema,
    initial: emptyProgress,
    label: 'exercise progress',
    salvage: salvageProgress,
    ...(storage ? { storage } : {}),
  });
  const $progress = persisted.$value;
  const update = (id: string, change: (current: ExerciseProgress) => ExerciseProgress) =>
    void persisted.update((latest) => ({
      ...latest,
      exercises: {
        ...latest.exercises,
        [id]: {
          ...change((Object.hasOwn(latest.exercises, id) ? latest.exercises[id] : undefined) ?? emptyExercise()),
          updatedAt: new Date().toISOString(),
        },
      },
    }));

  const status = (id: string): ExerciseStatus =>
    Object.hasOwn($progress.get().exercises, id) ? $progress.get().exercises[id]!.status : 'not-started';
  return {
    $progress,
    $notice: persisted.$notice,
    $held: persisted.$held,
    exercise: (id) => (Object.hasOwn($progress.get().exercises, id) ? $progress.get().exercises[id] : undefined),
    saveFiles: (id, files) => update(id, (p) => ({ ...p, files: { ...files } })),
    recordReport: (id, report, graded) =>
      update(id, (p) => {
        // A tdd exercise's spec stage passing is progress, not a pass: the exercise is done when its implementation passes.
        const passed = report.status === 'passed' && report.stage !== 'spec';
        const { gradedDigest: _old, ...rest } = p;
        return {
          ...rest,
          ...(graded ? { gradedDigest: filesDigest(graded) } : {}),
          attempts: p.attempts + 1,
          status: passed || p.status === 'passed' ? 'passed' : 'attempted',
          ...(passed && !p.firstPassedAt ? { firstPassedAt: report.finishedAt } : {}),
          ...(report.stage
            ? { stages: { ...p.stages, [report.stage]: stageAfter(p.stages?.[report.stage], report) } }
            : {}),
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
    reload: persisted.reload,
    dismissNotice: persisted.dismissNotice,
    heldText: persisted.heldText,
    discardUnreadable: persisted.discardUnreadable,
    merge: (incoming) => persisted.update((latest) => mergeProgress(latest, incoming).merged),
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

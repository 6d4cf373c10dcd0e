// The mentor's imported cohort, persisted in the browser so nothing imported is lost on reload.
import {
  createPersisted,
  followOtherTabs,
  keepValidEntries,
  keepValidItems,
  type PersistedStore,
} from '../stores/persisted.ts';
import type { KeyValueStorage } from '../stores/saved.ts';
import {
  COHORT_VERSION,
  cohortSchema,
  emptyCohort,
  importedReportSchema,
  verdictSchema,
  type Cohort,
} from './cohort.ts';

export const COHORT_KEY = 'workbook:cohort';

/** A damaged cohort keeps every report and verdict that is still valid. */
export function salvageCohort(raw: unknown): { value: Cohort; dropped: string[] } | null {
  if (typeof raw !== 'object' || raw === null || (raw as { version?: unknown }).version !== COHORT_VERSION) return null;
  const { reports, verdicts } = raw as Record<string, unknown>;
  const keptReports = keepValidItems(reports, importedReportSchema, 'reports');
  const keptVerdicts = keepValidEntries(verdicts, verdictSchema, 'verdicts');
  return {
    value: { version: COHORT_VERSION, reports: keptReports.kept, verdicts: keptVerdicts.kept },
    dropped: [...keptReports.dropped, ...keptVerdicts.dropped],
  };
}

/** Creates the cohort store over the given storage; pages use the shared instance. */
export const createCohortStore = (storage?: KeyValueStorage): PersistedStore<Cohort> =>
  createPersisted({
    key: COHORT_KEY,
    schema: cohortSchema,
    initial: emptyCohort,
    label: 'imported reports',
    salvage: salvageCohort,
    ...(storage ? { storage } : {}),
  });

let shared: PersistedStore<Cohort> | undefined;
/** The page's cohort store, created on first use (never during server rendering). */
export function cohortStore(): PersistedStore<Cohort> {
  if (!shared) {
    shared = createCohortStore();
    followOtherTabs(shared, COHORT_KEY);
  }
  return shared;
}

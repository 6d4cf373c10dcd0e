// The mentor's imported cohort, persisted in the browser so nothing imported is lost on reload.
import { cohortSchema, emptyCohort } from './cohort.ts';
import { persistedAtom, type KeyValueStorage } from './persisted.ts';

export const COHORT_KEY = 'workbook:cohort';

/** Creates the cohort store over the given storage; pages use the shared instance. */
export const createCohortStore = (storage?: KeyValueStorage) =>
  persistedAtom({ key: COHORT_KEY, schema: cohortSchema, initial: emptyCohort, label: 'imported reports', ...(storage ? { storage } : {}) });

let shared: ReturnType<typeof createCohortStore> | undefined;
/** The page's cohort store, created on first use (never during server rendering). */
export const cohortStore = () => (shared ??= createCohortStore());

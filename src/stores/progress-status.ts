// The tiny, dependency-free view of saved progress that pages read before any interaction
// (badges, sidebar counts). It reads defensively and never throws: anything unexpected counts as
// not started. Validation, the backup of damaged data and the learner's notice live in progress.ts.

/** Where saved exercise progress lives in localStorage (shared with the full store). */
export const PROGRESS_KEY = 'workbook:progress';

/** spec-passed: a tdd exercise whose spec (stage 1) passed and whose implementation (stage 2) has not yet. */
export type SavedStatus = 'not-started' | 'attempted' | 'spec-passed' | 'passed';

type SavedEntry = { status?: unknown; stages?: { spec?: { status?: unknown } | null } | null } | null;

/** Reads each attempted, spec-passed or passed exercise's status from raw saved progress. */
export function readStatuses(raw: string | null): Map<string, Exclude<SavedStatus, 'not-started'>> {
  const statuses = new Map<string, Exclude<SavedStatus, 'not-started'>>();
  try {
    const parsed = JSON.parse(raw ?? '{}') as { exercises?: Record<string, SavedEntry> } | null;
    for (const [id, value] of Object.entries(parsed?.exercises ?? {})) {
      const status = value?.status;
      if (status === 'passed') statuses.set(id, status);
      else if (status === 'attempted')
        statuses.set(id, value?.stages?.spec?.status === 'passed' ? 'spec-passed' : 'attempted');
    }
  } catch {
    // Unreadable data shows as not started; the store reports it when an exercise loads.
  }
  return statuses;
}

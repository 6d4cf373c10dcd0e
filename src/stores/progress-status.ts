// The tiny, dependency-free view of saved progress that pages read before any interaction
// (badges, sidebar counts). It reads defensively and never throws: anything unexpected counts as
// not started. Validation, the backup of damaged data and the learner's notice live in progress.ts.

/** Where saved exercise progress lives in localStorage (shared with the full store). */
export const PROGRESS_KEY = 'workbook:progress';

export type SavedStatus = 'not-started' | 'attempted' | 'passed';

/** Reads each attempted or passed exercise's status from raw saved progress. */
export function readStatuses(raw: string | null): Map<string, Exclude<SavedStatus, 'not-started'>> {
  const statuses = new Map<string, Exclude<SavedStatus, 'not-started'>>();
  try {
    const parsed = JSON.parse(raw ?? '{}') as { exercises?: Record<string, { status?: unknown } | null> } | null;
    for (const [id, value] of Object.entries(parsed?.exercises ?? {})) {
      const status = value?.status;
      if (status === 'attempted' || status === 'passed') statuses.set(id, status);
    }
  } catch {
    // Unreadable data shows as not started; the store reports it when an exercise loads.
  }
  return statuses;
}

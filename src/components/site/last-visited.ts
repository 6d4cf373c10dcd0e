// "Where you are": the chapter layout records the last visited week; the home page reads it.
// Stored as a small JSON value so the sandbox engineer's progress store can sit beside it.
export const LAST_VISITED_KEY = 'workbook:last-week';

export interface LastVisited {
  week: number;
  title: string;
  at: string;
}

/** Parses the stored value, returning undefined for anything that is not a valid record. */
export function parseLastVisited(raw: string | null): LastVisited | undefined {
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as Partial<LastVisited>;
    if (typeof value.week !== 'number' || !Number.isInteger(value.week) || value.week < 1 || value.week > 12)
      return undefined;
    if (typeof value.title !== 'string' || typeof value.at !== 'string') return undefined;
    return { week: value.week, title: value.title, at: value.at };
  } catch {
    return undefined;
  }
}

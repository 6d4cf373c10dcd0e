// The tiny, dependency-free view of saved checklists that pages read before any interaction, so a
// chapter does not ship zod just to show ticks. It never throws; when the data does not look like
// version 1 it returns null and the caller loads the full store (checklists.ts), which validates it,
// keeps unreadable data aside and tells the learner.

/** Where the ticks and self-assessment scores live in localStorage (shared with the full store). */
export const CHECKLISTS_KEY = 'workbook:checklists:v1';

/** What the components need to draw: ticked item ids per checklist, scores per assessment. */
export interface ChecklistsView {
  checklists: Record<string, readonly string[]>;
  assessments: Record<string, Readonly<Record<string, number>>>;
}

export const emptyView = (): ChecklistsView => ({ checklists: {}, assessments: {} });

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads raw saved data; an absent value is an empty view, anything malformed is null. */
export function readChecklistsView(raw: string | null): ChecklistsView | null {
  if (raw === null) return emptyView();
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isRecord(parsed) || parsed['version'] !== 1) return null;
  const { checklists, assessments } = parsed;
  if (!isRecord(checklists) || !isRecord(assessments)) return null;
  const view = emptyView();
  for (const [id, entry] of Object.entries(checklists)) {
    const checked = isRecord(entry) ? entry['checked'] : undefined;
    if (!Array.isArray(checked) || !checked.every((item) => typeof item === 'string')) return null;
    view.checklists[id] = checked;
  }
  for (const [id, entry] of Object.entries(assessments)) {
    const scores = isRecord(entry) ? entry['scores'] : undefined;
    if (!isRecord(scores)) return null;
    const valid: Record<string, number> = {};
    for (const [area, score] of Object.entries(scores)) {
      if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > 100) return null;
      valid[area] = score;
    }
    view.assessments[id] = valid;
  }
  return view;
}

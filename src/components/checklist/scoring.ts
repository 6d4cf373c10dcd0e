import { checklistItemInputSchema, type AssessmentDefinition, type ChecklistItemInput } from '../../schemas/checklist.ts';

/** A checklist item after its id has been settled. */
export interface ChecklistItem {
  id: string;
  label: string;
}

/** Kebab-case slug of a label: "Multi-user with advanced RBAC" → "multi-user-with-advanced-rbac". */
export function slugify(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Turns MDX items into id + label pairs; throws naming the checklist when two items share an id. */
export function normalizeItems(checklistId: string, items: readonly ChecklistItemInput[]): ChecklistItem[] {
  const normalized = items.map((item, index) => {
    const parsed = checklistItemInputSchema.parse(item);
    if (typeof parsed !== 'string') return parsed;
    const id = slugify(parsed);
    if (id === '') throw new Error(`checklist "${checklistId}": items[${index}] "${parsed}" has no letters or digits to make an id from; give it { id, label }`);
    return { id, label: parsed };
  });
  const seen = new Set<string>();
  for (const [index, item] of normalized.entries()) {
    if (seen.has(item.id)) {
      throw new Error(`checklist "${checklistId}": items[${index}] has the id "${item.id}" twice; give one of them { id, label }`);
    }
    seen.add(item.id);
  }
  return normalized;
}

/** How many of the given items are ticked (ticks of items no longer listed do not count). */
export function countDone(items: readonly ChecklistItem[], checked: readonly string[]): number {
  const ticked = new Set(checked);
  return items.filter((item) => ticked.has(item.id)).length;
}

export interface AssessmentResult {
  /** Areas still without a score. */
  missing: string[];
  /** Sum of score × weight / 100 over the scored areas. */
  earned: number;
  /** The weighted total, once every area has a score. */
  total: number | null;
  /** Whether the total reaches the pass mark, once every area has a score. */
  passed: boolean | null;
}

/** Weighted total of a self-assessment, rounded to one decimal. */
export function scoreAssessment(definition: AssessmentDefinition, scores: Readonly<Record<string, number>>): AssessmentResult {
  let earned = 0;
  const missing: string[] = [];
  for (const area of definition.areas) {
    const score = scores[area.id];
    if (score === undefined) missing.push(area.id);
    else earned += (score * area.weight) / 100;
  }
  const rounded = Math.round(earned * 10) / 10;
  const complete = missing.length === 0;
  return {
    missing,
    earned: rounded,
    total: complete ? rounded : null,
    passed: complete ? rounded >= definition.passMark : null,
  };
}

/** Reads what the learner typed into a score field: a number 0–100, null for empty, or an error message. */
export function parseScoreInput(text: string): { ok: true; score: number | null } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, score: null };
  const score = Number(trimmed);
  if (!Number.isFinite(score) || score < 0 || score > 100) {
    return { ok: false, message: `"${trimmed}" is not a score: enter a number from 0 to 100.` };
  }
  return { ok: true, score };
}

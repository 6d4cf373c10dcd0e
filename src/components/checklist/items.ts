// Build-time helpers for <Checklist>: ids for items, validated with the shared zod schema.
import { checklistItemInputSchema, type ChecklistItemInput } from '../../schemas/checklist.ts';

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
    if (id === '')
      throw new Error(
        `checklist "${checklistId}": items[${index}] "${parsed}" has no letters or digits to make an id from; give it { id, label }`,
      );
    return { id, label: parsed };
  });
  const seen = new Set<string>();
  for (const [index, item] of normalized.entries()) {
    if (seen.has(item.id)) {
      throw new Error(
        `checklist "${checklistId}": items[${index}] has the id "${item.id}" twice; give one of them { id, label }`,
      );
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

// What replacing an assignment would change, in sentences an intern can check before agreeing.
import type { ExerciseSet } from '../schemas/exercise-set.ts';

/** The differences from the held set to the incoming one; empty when they are the same. */
export function setChanges(held: ExerciseSet, incoming: ExerciseSet): string[] {
  const changes: string[] = [];
  if (held.title !== incoming.title) changes.push(`Title: "${held.title}" → "${incoming.title}"`);
  if (held.mentor !== incoming.mentor) changes.push(`Mentor: ${held.mentor} → ${incoming.mentor}`);
  if ((held.notes ?? '') !== (incoming.notes ?? ''))
    changes.push(incoming.notes ? `Notes change to: "${incoming.notes}"` : 'The notes are removed');
  const before = new Map(held.exercises.map((e) => [e.id, e]));
  const after = new Map(incoming.exercises.map((e) => [e.id, e]));
  for (const [id, e] of after) {
    const old = before.get(id);
    if (!old) changes.push(`Added: ${id}${e.due ? ` (due ${e.due})` : ''}`);
    else if (old.due !== e.due) changes.push(`Due date of ${id}: ${old.due ?? 'none'} → ${e.due ?? 'none'}`);
  }
  for (const id of before.keys()) if (!after.has(id)) changes.push(`Removed: ${id}`);
  if (changes.length === 0 && JSON.stringify(held) !== JSON.stringify(incoming))
    changes.push('The order of the exercises changes');
  return changes;
}

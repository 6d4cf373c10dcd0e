// The intern's assignments (exercise sets received from mentors) and their name for reports,
// persisted in the browser and validated on load.
import { z } from 'zod';
import { exerciseSetSchema, type ExerciseSet } from '../schemas/exercise-set.ts';
import { internSchema, type Intern } from '../schemas/report-file.ts';
import { computed } from 'nanostores';
import { createPersisted, followOtherTabs } from './persisted.ts';
import type { KeyValueStorage } from './saved.ts';

export const ASSIGNMENTS_VERSION = 1 as const;
export const ASSIGNMENTS_KEY = 'workbook:assignments';

export const assignmentSchema = z
  .object({
    set: exerciseSetSchema.describe('The set as the mentor sent it'),
    addedAt: z.string().datetime().describe('When the intern opened the link or file'),
  })
  .strict();
export type Assignment = z.infer<typeof assignmentSchema>;

export const assignmentsStateSchema = z
  .object({
    version: z.literal(ASSIGNMENTS_VERSION),
    intern: internSchema.optional().describe('Name (and email) written into exported reports'),
    assignments: z.array(assignmentSchema).describe('Newest first; one per set id'),
  })
  .strict();
export type AssignmentsState = z.infer<typeof assignmentsStateSchema>;

export type AddResult = 'added' | 'updated' | 'unchanged';

/** Creates the store over the given storage; the page uses the shared instance below. */
export function createAssignments(storage?: KeyValueStorage, now: () => Date = () => new Date()) {
  const persisted = createPersisted({
    key: ASSIGNMENTS_KEY,
    schema: assignmentsStateSchema,
    initial: (): AssignmentsState => ({ version: ASSIGNMENTS_VERSION, assignments: [] }),
    label: 'assignments',
    ...(storage ? { storage } : {}),
  });
  const store = persisted;
  return {
    $assignments: persisted.$value,
    $assignmentsProblem: computed(persisted.$notice, (notice) => notice?.message),
    /** The underlying store (notice, held data, reload). */
    assignmentsStore: persisted,
    /** Adds a set, or replaces the one with the same id when the mentor sent an updated version. */
    addAssignment(set: ExerciseSet): AddResult {
      const state = store.get();
      const held = state.assignments.find((a) => a.set.id === set.id);
      if (held && JSON.stringify(held.set) === JSON.stringify(set)) return 'unchanged';
      const others = state.assignments.filter((a) => a.set.id !== set.id);
      store.set({ ...state, assignments: [{ set, addedAt: now().toISOString() }, ...others] });
      return held ? 'updated' : 'added';
    },
    removeAssignment(setId: string): void {
      const state = store.get();
      store.set({ ...state, assignments: state.assignments.filter((a) => a.set.id !== setId) });
    },
    setIntern(intern: Intern): void {
      store.set({ ...store.get(), intern: internSchema.parse(intern) });
    },
  };
}

const shared = createAssignments();
followOtherTabs(shared.assignmentsStore, ASSIGNMENTS_KEY);
export const { $assignments, $assignmentsProblem, addAssignment, removeAssignment, setIntern } = shared;

import type { ReadableAtom } from 'nanostores';
import {
  CHECKLISTS_VERSION,
  areaScoreSchema,
  savedChecklistsSchema,
  type SavedChecklists,
} from '../schemas/checklist.ts';
import { CHECKLISTS_KEY } from './checklists-view.ts';
import { createPersisted, keepValidEntries } from './persisted.ts';
import type { KeyValueStorage, SaveNotice } from './saved.ts';

export type { KeyValueStorage } from './saved.ts';
export { CHECKLISTS_KEY } from './checklists-view.ts';
/** Unreadable saved data is moved to `<this prefix><time>` so nothing the learner did is silently destroyed. */
export const CHECKLISTS_BACKUP_PREFIX = `${CHECKLISTS_KEY}:backup:`;

/** Something the learner should be told about their saved progress (same shape as the other stores'). */
export type ChecklistNotice = SaveNotice;

export interface ChecklistStore {
  readonly $state: ReadableAtom<SavedChecklists>;
  readonly $notice: ReadableAtom<ChecklistNotice | null>;
  /** Ticks or unticks one item of one checklist and saves. */
  setChecked(checklistId: string, itemId: string, checked: boolean): void;
  /** Sets (or clears, with null) one area's score of a self-assessment and saves. */
  setScore(assessmentId: string, areaId: string, score: number | null): void;
  /** Reads storage again, e.g. after another tab changed it. */
  reload(): void;
  dismissNotice(): void;
  /** True while unreadable saved data could not be backed up: nothing is saved until the learner acts. */
  readonly $held: ReadableAtom<boolean>;
  /** The unreadable saved text being held, to download; null when none. */
  heldText(): string | null;
  /** The learner chose to drop the unreadable data: save again from now on. */
  discardUnreadable(): boolean;
}

export const emptyChecklists = (): SavedChecklists => ({
  version: CHECKLISTS_VERSION,
  checklists: {},
  assessments: {},
});

const WHAT = 'checklist ticks and self-assessment scores';

/** Damaged checklists keep every checklist and self-assessment entry that is still valid. */
export function salvageChecklists(raw: unknown): { value: SavedChecklists; dropped: string[] } | null {
  if (typeof raw !== 'object' || raw === null || (raw as { version?: unknown }).version !== CHECKLISTS_VERSION)
    return null;
  const { checklists, assessments } = raw as Record<string, unknown>;
  const shape = savedChecklistsSchema.shape;
  const ticks = keepValidEntries(checklists, shape.checklists.valueType, 'checklists', shape.checklists.keyType);
  const scores = keepValidEntries(assessments, shape.assessments.valueType, 'assessments', shape.assessments.keyType);
  return {
    value: { version: CHECKLISTS_VERSION, checklists: ticks.kept, assessments: scores.kept },
    dropped: [...ticks.dropped, ...scores.dropped],
  };
}

/** Stands in for storage the browser blocks: every access throws, so the store says nothing will be saved. */
const BLOCKED: KeyValueStorage = {
  getItem: () => {
    throw new Error('local storage is blocked');
  },
  setItem: () => {
    throw new Error('local storage is blocked');
  },
  removeItem: () => undefined,
};

/** Creates a store over the given storage (null: nothing can be saved). */
export function createChecklistStore(
  storage: KeyValueStorage | null,
  now: () => Date = () => new Date(),
): ChecklistStore {
  const persisted = createPersisted({
    key: CHECKLISTS_KEY,
    schema: savedChecklistsSchema,
    initial: emptyChecklists,
    label: WHAT,
    salvage: salvageChecklists,
    storage: storage ?? BLOCKED,
    now,
  });
  return {
    $state: persisted.$value,
    $notice: persisted.$notice,
    $held: persisted.$held,
    setChecked(checklistId, itemId, checked) {
      persisted.update((current) => {
        const previous = Object.hasOwn(current.checklists, checklistId) ? current.checklists[checklistId]!.checked : [];
        const without = previous.filter((id) => id !== itemId);
        const nextChecked = checked ? [...without, itemId] : without;
        return {
          ...current,
          checklists: {
            ...current.checklists,
            [checklistId]: { checked: nextChecked, updatedAt: now().toISOString() },
          },
        };
      });
    },
    setScore(assessmentId, areaId, score) {
      if (score !== null) areaScoreSchema.parse(score);
      persisted.update((current) => {
        const scores = {
          ...(Object.hasOwn(current.assessments, assessmentId) ? current.assessments[assessmentId]!.scores : {}),
        };
        if (score === null) delete scores[areaId];
        else scores[areaId] = score;
        return {
          ...current,
          assessments: { ...current.assessments, [assessmentId]: { scores, updatedAt: now().toISOString() } },
        };
      });
    },
    reload: persisted.reload,
    dismissNotice: persisted.dismissNotice,
    heldText: persisted.heldText,
    discardUnreadable: persisted.discardUnreadable,
  };
}

/** localStorage, or null when the browser blocks it (privacy modes throw on access), so the learner is told. */
function usableLocalStorage(): KeyValueStorage | null {
  try {
    const storage = globalThis.localStorage;
    storage.getItem(CHECKLISTS_KEY);
    return storage;
  } catch {
    return null;
  }
}

let shared: ChecklistStore | undefined;

/** The page's one store over localStorage, kept in step with other tabs. */
export function checklistStore(): ChecklistStore {
  if (shared !== undefined) return shared;
  const store = createChecklistStore(usableLocalStorage());
  if (typeof window !== 'undefined') {
    window.addEventListener('storage', (event) => {
      if (event.key === CHECKLISTS_KEY || event.key === null) store.reload();
    });
  }
  shared = store;
  return store;
}

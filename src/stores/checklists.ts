import { atom, type ReadableAtom } from 'nanostores';
import { CHECKLISTS_VERSION, areaScoreSchema, savedChecklistsSchema, type SavedChecklists } from '../schemas/checklist.ts';
import { CHECKLISTS_KEY } from './checklists-view.ts';
import { loadSaved, type KeyValueStorage, type SaveNotice } from './saved.ts';

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
}

export const emptyChecklists = (): SavedChecklists => ({ version: CHECKLISTS_VERSION, checklists: {}, assessments: {} });

const WHAT = 'checklist ticks and self-assessment scores';

type Loaded = { state: SavedChecklists; notice: ChecklistNotice | null; writable: boolean };

function load(storage: KeyValueStorage | null): Loaded {
  if (storage === null) {
    return {
      state: emptyChecklists(),
      writable: false,
      notice: {
        kind: 'unsaved',
        message: `Your ${WHAT} will not be saved: this browser blocks local storage for the workbook. Allow site data for this address to keep them.`,
      },
    };
  }
  const { value, notice } = loadSaved(storage, CHECKLISTS_KEY, savedChecklistsSchema, emptyChecklists, WHAT);
  // "unsaved" at load means the unreadable data could not be copied aside: never overwrite it.
  return { state: value, notice, writable: notice?.kind !== 'unsaved' };
}

/** Creates a store over the given storage (null: nothing can be saved). */
export function createChecklistStore(
  storage: KeyValueStorage | null,
  now: () => Date = () => new Date(),
): ChecklistStore {
  const first = load(storage);
  const $state = atom<SavedChecklists>(first.state);
  const $notice = atom<ChecklistNotice | null>(first.notice);
  let writable = first.writable;

  function save(next: SavedChecklists): void {
    $state.set(next);
    if (!writable || storage === null) return;
    try {
      storage.setItem(CHECKLISTS_KEY, JSON.stringify(next));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      $notice.set({
        kind: 'unsaved',
        message: `Your last change to the ${WHAT} could not be saved (${reason}). Free some browser storage for this site, then change a tick again to save.`,
      });
    }
  }

  return {
    $state,
    $notice,
    setChecked(checklistId, itemId, checked) {
      const current = $state.get();
      const previous = current.checklists[checklistId]?.checked ?? [];
      const without = previous.filter((id) => id !== itemId);
      const nextChecked = checked ? [...without, itemId] : without;
      save({
        ...current,
        checklists: { ...current.checklists, [checklistId]: { checked: nextChecked, updatedAt: now().toISOString() } },
      });
    },
    setScore(assessmentId, areaId, score) {
      if (score !== null) areaScoreSchema.parse(score);
      const current = $state.get();
      const scores = { ...(current.assessments[assessmentId]?.scores ?? {}) };
      if (score === null) delete scores[areaId];
      else scores[areaId] = score;
      save({
        ...current,
        assessments: { ...current.assessments, [assessmentId]: { scores, updatedAt: now().toISOString() } },
      });
    },
    reload() {
      const next = load(storage);
      $state.set(next.state);
      writable = next.writable;
      if (next.notice !== null) $notice.set(next.notice);
    },
    dismissNotice() {
      $notice.set(null);
    },
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

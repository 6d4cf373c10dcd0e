import { atom, type ReadableAtom } from 'nanostores';
import {
  CHECKLISTS_VERSION,
  areaScoreSchema,
  savedChecklistsSchema,
  type SavedChecklists,
} from '../schemas/checklist.ts';

/** Where the ticks and self-assessment scores live in the browser. */
export const CHECKLISTS_KEY = 'workbook:checklists:v1';
/** Where unreadable saved data is moved so nothing the learner did is silently destroyed. */
export const CHECKLISTS_BACKUP_KEY = `${CHECKLISTS_KEY}:backup`;

/** The part of the Web Storage API the store needs; tests pass an in-memory one. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Something the learner should be told about their saved progress. */
export type ChecklistNotice =
  | { kind: 'recovered'; backupKey: string; reason: string; message: string }
  | { kind: 'unsaved'; reason: string; message: string };

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

type Loaded = { state: SavedChecklists; notice: ChecklistNotice | null; writable: boolean };

function describeProblem(raw: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return 'it is not valid JSON';
  }
  const result = savedChecklistsSchema.safeParse(parsed);
  if (result.success) return '';
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'the top level';
  return `${where}: ${issue?.message ?? 'does not match the expected shape'}`;
}

function load(storage: KeyValueStorage | null): Loaded {
  if (storage === null) {
    return {
      state: emptyChecklists(),
      writable: false,
      notice: {
        kind: 'unsaved',
        reason: 'this browser does not allow the workbook to use local storage',
        message:
          'Your ticks and scores will not be saved: this browser blocks local storage for the workbook. Allow site data for this address to keep them.',
      },
    };
  }
  let raw: string | null;
  try {
    raw = storage.getItem(CHECKLISTS_KEY);
  } catch {
    return load(null);
  }
  if (raw === null) return { state: emptyChecklists(), notice: null, writable: true };
  const problem = describeProblem(raw);
  if (problem === '') {
    return { state: savedChecklistsSchema.parse(JSON.parse(raw)), notice: null, writable: true };
  }
  const backupKey = chooseBackupKey(storage, raw);
  try {
    storage.setItem(backupKey, raw);
  } catch {
    // Without a backup, overwriting the original would lose it: keep it and save nothing this visit.
    return {
      state: emptyChecklists(),
      writable: false,
      notice: {
        kind: 'unsaved',
        reason: problem,
        message: `Your saved ticks and scores could not be read (${problem}) and could not be copied aside, so they were left untouched under "${CHECKLISTS_KEY}". Changes you make now will not be saved; free some browser storage and reload.`,
      },
    };
  }
  return {
    state: emptyChecklists(),
    writable: true,
    notice: {
      kind: 'recovered',
      backupKey,
      reason: problem,
      message: `Your saved ticks and scores could not be read (${problem}). They were kept under "${backupKey}" in this browser's local storage and your checklists start empty; a mentor can help you restore them.`,
    },
  };
}

/** Never overwrite an earlier backup that holds something else. */
function chooseBackupKey(storage: KeyValueStorage, raw: string): string {
  const existing = storage.getItem(CHECKLISTS_BACKUP_KEY);
  if (existing === null || existing === raw) return CHECKLISTS_BACKUP_KEY;
  for (let n = 2; ; n += 1) {
    const key = `${CHECKLISTS_BACKUP_KEY}-${n}`;
    const value = storage.getItem(key);
    if (value === null || value === raw) return key;
  }
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
        reason,
        message: `Your last change could not be saved (${reason}). Free some browser storage for this site, then change a tick again to save.`,
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

let shared: ChecklistStore | undefined;

/** The page's one store over localStorage, kept in step with other tabs. */
export function checklistStore(): ChecklistStore {
  if (shared !== undefined) return shared;
  let storage: KeyValueStorage | null = null;
  try {
    storage = globalThis.localStorage ?? null;
    storage?.getItem(CHECKLISTS_KEY);
  } catch {
    storage = null; // Some privacy settings make merely touching localStorage throw.
  }
  const store = createChecklistStore(storage);
  if (typeof window !== 'undefined') {
    window.addEventListener('storage', (event) => {
      if (event.key === CHECKLISTS_KEY || event.key === null) store.reload();
    });
  }
  shared = store;
  return store;
}

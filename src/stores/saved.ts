// Browser storage for the persisted stores (src/stores/persisted.ts): the interface they use, the
// real one and an in-memory one, and the notice shape every store reports problems with.

/** The part of the Web Storage API the stores use; tests pass an in-memory one. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** What the learner is told when saved data could not be read or written. */
export interface SaveNotice {
  /** recovered: damaged data was copied aside; unsaved: a write failed or storage is blocked; held: damaged data could not be copied, so nothing is written until the person acts. */
  kind: 'recovered' | 'unsaved' | 'held';
  /** Where the unreadable data was kept (recovered only). */
  backupKey?: string;
  message: string;
}

/** window.localStorage when usable, else an in-memory stand-in (nothing persists). */
export function browserStorage(): KeyValueStorage {
  try {
    if (typeof localStorage !== 'undefined') return localStorage;
  } catch {
    // Some privacy modes throw on access; fall through to memory.
  }
  return memoryStorage();
}

/** An in-memory KeyValueStorage (tests, server rendering, blocked storage). */
export function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

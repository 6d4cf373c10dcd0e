// A nanostores atom saved in localStorage and validated with zod on the way in. Saved data that
// fails its schema never breaks the page: the raw text is kept aside under a backup key and a
// problem message says where, so the learner (or mentor) can recover it.
import { atom, type ReadableAtom, type WritableAtom } from 'nanostores';
import type { z } from 'zod';
import { formatPath } from './parse-file.ts';

/** The slice of the Web Storage API the stores use (localStorage in the browser, a Map in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface PersistedAtom<T> {
  store: WritableAtom<T>;
  /** Set when saved data could not be read or saving failed; says what happened and where the backup is. */
  problem: ReadableAtom<string | undefined>;
}

/** In-memory storage for server rendering and tests. */
export function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { dump(): Record<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    dump: () => Object.fromEntries(data),
  };
}

/** The browser's localStorage when there is one, else memory (server rendering, private modes). */
export function defaultStorage(): KeyValueStorage {
  try {
    if (typeof localStorage !== 'undefined') return localStorage;
  } catch {
    // Some privacy modes throw on access; fall through to memory.
  }
  return memoryStorage();
}

export function persistedAtom<S extends z.ZodType>(options: {
  key: string;
  schema: S;
  initial: () => z.infer<S>;
  /** Human name of the data, e.g. "assignments", used in problem messages. */
  label: string;
  storage?: KeyValueStorage;
  now?: () => Date;
}): PersistedAtom<z.infer<S>> {
  const { key, schema, label } = options;
  const storage = options.storage ?? defaultStorage();
  const problem = atom<string | undefined>(undefined);

  const read = (raw: string | null): z.infer<S> => {
    if (raw === null) return options.initial();
    let reason: string;
    try {
      const parsed = schema.safeParse(JSON.parse(raw));
      if (parsed.success) return parsed.data;
      const issue = parsed.error.issues[0]!;
      reason = `field "${formatPath(issue.path)}" ${issue.message}`;
    } catch (error) {
      reason = `not JSON: ${(error as Error).message}`;
    }
    const backupKey = `${key}:backup:${(options.now?.() ?? new Date()).toISOString()}`;
    try {
      storage.setItem(backupKey, raw);
      problem.set(`Your saved ${label} could not be read (${reason}). The old data was kept aside in this browser's storage under "${backupKey}", and ${label} started empty.`);
    } catch {
      problem.set(`Your saved ${label} could not be read (${reason}), and there was no room to keep a backup; ${label} started empty.`);
    }
    return options.initial();
  };

  const store = atom(read(storage.getItem(key)));
  let writing = false;
  store.listen((value) => {
    writing = true;
    try {
      storage.setItem(key, JSON.stringify(value));
    } catch (error) {
      problem.set(`Your ${label} could not be saved in this browser (${(error as Error).message}); free some space or export them now.`);
    } finally {
      writing = false;
    }
  });
  // Another tab changed the same key: follow it.
  if (typeof window !== 'undefined') {
    window.addEventListener('storage', (event) => {
      if (event.key === key && !writing) store.set(read(event.newValue));
    });
  }
  return { store, problem };
}

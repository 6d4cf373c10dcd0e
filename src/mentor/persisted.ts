// A nanostores atom saved in browser storage and validated with zod on the way in, built on the
// same helpers as the progress store (src/stores/saved.ts): saved data that fails its schema never
// breaks the page; it is kept aside under a backup key and a problem message says where.
import { atom, type ReadableAtom, type WritableAtom } from 'nanostores';
import type { z } from 'zod';
import { browserStorage, loadSaved, writeSaved, type KeyValueStorage } from '../stores/saved.ts';

export type { KeyValueStorage } from '../stores/saved.ts';

export interface PersistedAtom<T> {
  store: WritableAtom<T>;
  /** Set when saved data could not be read or saving failed; says what happened and where the backup is. */
  problem: ReadableAtom<string | undefined>;
}

export function persistedAtom<S extends z.ZodType>(options: {
  key: string;
  schema: S;
  initial: () => z.output<S>;
  /** Human name of the data, e.g. "assignments", used in problem messages. */
  label: string;
  storage?: KeyValueStorage;
}): PersistedAtom<z.output<S>> {
  const { key, schema, label, initial } = options;
  const storage = options.storage ?? browserStorage();
  const problem = atom<string | undefined>(undefined);

  const read = (): z.output<S> => {
    const { value, notice } = loadSaved(storage, key, schema, initial, label);
    if (notice) problem.set(notice.message);
    // The unreadable data is safe in its backup; replace it so it is not backed up again.
    if (notice?.kind === 'recovered') writeSaved(storage, key, value, label);
    return value;
  };

  const store = atom(read());
  let following = false;
  store.listen((value) => {
    if (following) return;
    const notice = writeSaved(storage, key, value, label);
    if (notice) problem.set(notice.message);
  });
  // Another tab changed the same key: follow it without writing it back.
  if (typeof window !== 'undefined') {
    window.addEventListener('storage', (event) => {
      if (event.key !== key) return;
      following = true;
      store.set(read());
      following = false;
    });
  }
  return { store, problem };
}

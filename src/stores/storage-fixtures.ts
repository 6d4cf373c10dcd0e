// Test storages for the persisted stores' specs.
import { memoryStorage } from './saved.ts';

/**
 * Storage that is full the way a browser's is: any write that would grow it throws
 * QuotaExceededError, but replacing a value with a shorter one still succeeds — which is exactly
 * how damaged data used to be overwritten by an empty store after its backup failed.
 */
export function fullStorage(initial: Record<string, string> = {}) {
  const storage = memoryStorage(initial);
  const put = storage.setItem;
  storage.setItem = (key, value) => {
    const old = storage.data.get(key);
    if (old === undefined || value.length > old.length)
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    put(key, value);
  };
  return storage;
}

/** The keys that hold backups of `key`. */
export const backupsOf = (storage: { data: Map<string, string> }, key: string): string[] =>
  [...storage.data.keys()].filter((k) => k.startsWith(`${key}:backup:`));

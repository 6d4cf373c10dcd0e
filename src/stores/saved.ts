// Reading zod-versioned JSON from browser storage without ever crashing the page: data that fails
// its schema is copied aside under a backup key and reported, and the store starts empty.
import type { z } from 'zod';

/** The part of the Web Storage API the stores use; tests pass an in-memory one. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** What the learner is told when saved data could not be read or written. */
export interface SaveNotice {
  kind: 'recovered' | 'unsaved';
  /** Where the unreadable data was kept (recovered only). */
  backupKey?: string;
  message: string;
}

export interface LoadResult<T> {
  value: T;
  notice: SaveNotice | null;
}

/** Loads `key`, validating with `schema`; unreadable data is kept at `<key>:backup:<time>`. */
export function loadSaved<S extends z.ZodType>(storage: KeyValueStorage, key: string, schema: S, empty: () => z.output<S>, what: string): LoadResult<z.output<S>> {
  let raw: string | null;
  try {
    raw = storage.getItem(key);
  } catch {
    return { value: empty(), notice: { kind: 'unsaved', message: `Your ${what} will not be saved: this browser blocks local storage for the workbook. Allow site data for this address to keep it.` } };
  }
  if (raw === null) return { value: empty(), notice: null };
  let problem: string;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    if (parsed.success) return { value: parsed.data, notice: null };
    const issue = parsed.error.issues[0];
    problem = `field "${issue?.path.join('.') || '(top level)'}" ${issue?.message ?? 'is invalid'}`;
  } catch {
    problem = 'it is not valid JSON';
  }
  const backupKey = `${key}:backup:${new Date().toISOString()}`;
  try {
    storage.setItem(backupKey, raw);
  } catch {
    return { value: empty(), notice: { kind: 'unsaved', message: `Your saved ${what} could not be read (${problem}) and there was no room to keep a backup; it is left untouched and this session will not be saved.` } };
  }
  return {
    value: empty(),
    notice: { kind: 'recovered', backupKey, message: `Your saved ${what} could not be read (${problem}). It was kept aside in this browser's storage as "${backupKey}", and the workbook started fresh.` },
  };
}

/** Writes JSON; returns a notice instead of throwing when storage is full or blocked. */
export function writeSaved(storage: KeyValueStorage, key: string, value: unknown, what: string): SaveNotice | null {
  try {
    storage.setItem(key, JSON.stringify(value));
    return null;
  } catch (error) {
    return { kind: 'unsaved', message: `Your ${what} could not be saved (${(error as Error).name}): the browser's storage for this site is full or blocked. Download your files to keep them.` };
  }
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

// The one persisted, versioned, corruption-safe store behind progress, checklists, preferences,
// assignments and the mentor's cohort. Threat: the browser's storage is full or the saved text is
// damaged. Data that fails its schema is copied aside under a backup key before anything replaces
// it; when even that copy cannot be written, the store is *held*: nothing is written to that key —
// not by a hint, an import or a page visit — until the person chooses (download it, then discard).
// Where the schema allows, the valid entries of damaged data are kept (salvage).
import { atom, type ReadableAtom } from 'nanostores';
import type { z } from 'zod';
import { browserStorage, type KeyValueStorage, type SaveNotice } from './saved.ts';

export interface PersistedOptions<T> {
  key: string;
  schema: z.ZodType<T>;
  initial: () => T;
  /** What the data is, in messages: "exercise progress", "imported reports". */
  label: string;
  storage?: KeyValueStorage;
  /** Rebuilds a valid value from the readable parts of damaged data; `dropped` names what was left out. */
  salvage?: (raw: unknown) => { value: T; dropped: string[] } | null;
  now?: () => Date;
}

export interface PersistedStore<T> {
  readonly $value: ReadableAtom<T>;
  readonly $notice: ReadableAtom<SaveNotice | null>;
  /** True while unreadable data sits in storage without a backup: nothing is saved until `discardUnreadable`. */
  readonly $held: ReadableAtom<boolean>;
  get(): T;
  /** Applies `change` to the newest saved value (another tab's writes included) and saves it; false when not saved. */
  update(change: (current: T) => T): boolean;
  /** Replaces the value and saves it; false when it could not be saved (the page must say so). */
  set(value: T): boolean;
  /** Reads storage again (another tab wrote it, or the person freed space). */
  reload(): void;
  dismissNotice(): void;
  /** The unreadable text the store is holding, to offer as a download; null when not held. */
  heldText(): string | null;
  /** The person's choice: drop the unreadable data and save the current value from now on. */
  discardUnreadable(): boolean;
}

type Read<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'blocked' }
  | { kind: 'bad'; raw: string; json: unknown; problem: string };

/** Creates a store over `storage` (the browser's localStorage by default). */
export function createPersisted<T>(options: PersistedOptions<T>): PersistedStore<T> {
  const { key, schema, initial, label } = options;
  const storage = options.storage ?? browserStorage();
  const now = options.now ?? (() => new Date());
  const $value = atom<T>(initial());
  const $notice = atom<SaveNotice | null>(null);
  const $held = atom(false);
  let held: string | null = null;
  // Storage the browser blocks: its notice ("will not be saved") stays; each write need not repeat it.
  let blocked = false;

  const read = (): Read<T> => {
    let raw: string | null;
    try {
      raw = storage.getItem(key);
    } catch {
      return { kind: 'blocked' };
    }
    if (raw === null) return { kind: 'ok', value: initial() };
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return { kind: 'bad', raw, json: undefined, problem: 'it is not valid JSON' };
    }
    const parsed = schema.safeParse(json);
    if (parsed.success) return { kind: 'ok', value: parsed.data };
    const issue = parsed.error.issues[0];
    return {
      kind: 'bad',
      raw,
      json,
      problem: `field "${issue?.path.join('.') || '(top level)'}" ${issue?.message ?? 'is invalid'}`,
    };
  };

  const write = (value: T): boolean => {
    if (held !== null) {
      $notice.set(heldNotice(label));
      return false;
    }
    if (blocked) return false;
    try {
      storage.setItem(key, JSON.stringify(value));
      return true;
    } catch (error) {
      $notice.set({
        kind: 'unsaved',
        message: `Your ${label} could not be saved (${errorText(error)}): the browser's storage for this site is full or blocked. Free some space (or download your work) and try again.`,
      });
      return false;
    }
  };

  const load = (): void => {
    const result = read();
    blocked = result.kind === 'blocked';
    if (result.kind === 'blocked') {
      $notice.set({
        kind: 'unsaved',
        message: `Your ${label} will not be saved: this browser blocks local storage for the workbook. Allow site data for this address to keep it.`,
      });
      return;
    }
    if (result.kind === 'ok') {
      held = null;
      $held.set(false);
      $value.set(result.value);
      return;
    }
    const attempt = result.json === undefined ? null : (options.salvage?.(result.json) ?? null);
    const salvaged = attempt && schema.safeParse(attempt.value).success ? attempt : null;
    const value = salvaged?.value ?? initial();
    const kept = salvaged
      ? ` The readable entries were kept${salvaged.dropped.length ? `; left out: ${salvaged.dropped.slice(0, 5).join(', ')}${salvaged.dropped.length > 5 ? ', …' : ''}` : ''}.`
      : ' The workbook started fresh.';
    const backupKey = `${key}:backup:${now().toISOString()}`;
    try {
      storage.setItem(backupKey, result.raw);
    } catch {
      // No room for the copy: the damaged original is the only one left, so hold it untouched.
      held = result.raw;
      $held.set(true);
      $value.set(value);
      $notice.set(heldNotice(label, result.problem));
      return;
    }
    held = null;
    $held.set(false);
    $value.set(value);
    // The original is safe in its backup; replace it so it is not backed up again on every visit.
    write(value);
    $notice.set({
      kind: 'recovered',
      backupKey,
      message: `Your saved ${label} could not be read (${result.problem}). A copy was kept aside in this browser's storage as "${backupKey}".${kept}`,
    });
  };

  /** The newest valid saved value, so a change never overwrites another tab's write with stale state. */
  const latest = (): T => {
    if (held !== null) return $value.get();
    const result = read();
    return result.kind === 'ok' ? result.value : $value.get();
  };

  load();
  return {
    $value,
    $notice,
    $held,
    get: () => $value.get(),
    // Write first, then publish: listeners (badges that re-read storage, other stores) must see
    // the saved copy, not the one before it.
    update(change) {
      const next = change(latest());
      const saved = write(next);
      $value.set(next);
      return saved;
    },
    set(value) {
      const saved = write(value);
      $value.set(value);
      return saved;
    },
    reload: load,
    dismissNotice: () => $notice.set(null),
    heldText: () => held,
    discardUnreadable() {
      held = null;
      $held.set(false);
      const saved = write($value.get());
      if (saved) $notice.set(null);
      return saved;
    },
  };
}

const errorText = (error: unknown): string =>
  error instanceof Error
    ? error.message && !error.message.includes(error.name)
      ? `${error.name}: ${error.message}`
      : error.message || error.name
    : String(error);

function heldNotice(label: string, problem?: string): SaveNotice {
  return {
    kind: 'held',
    message: `Your saved ${label} could not be read${problem ? ` (${problem})` : ''}, and the browser's storage is too full to keep a copy. It is left untouched and nothing is saved until you choose: download it, then discard it to save again — or free some storage and reload.`,
  };
}

/** Keeps the entries of a record that pass `entry` (and `key`); names the others. */
export function keepValidEntries<E>(
  record: unknown,
  entry: z.ZodType<E>,
  where: string,
  key?: z.ZodType<string>,
): { kept: Record<string, E>; dropped: string[] } {
  const kept: Record<string, E> = {};
  const dropped: string[] = [];
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return { kept, dropped: [where] };
  for (const [k, v] of Object.entries(record)) {
    const parsed = entry.safeParse(v);
    if (parsed.success && (!key || key.safeParse(k).success)) kept[k] = parsed.data;
    else dropped.push(`${where}.${k}`);
  }
  return { kept, dropped };
}

/** Keeps the items of a list that pass `item`; names the others by index. */
export function keepValidItems<E>(list: unknown, item: z.ZodType<E>, where: string): { kept: E[]; dropped: string[] } {
  if (!Array.isArray(list)) return { kept: [], dropped: [where] };
  const kept: E[] = [];
  const dropped: string[] = [];
  list.forEach((v, i) => {
    const parsed = item.safeParse(v);
    if (parsed.success) kept.push(parsed.data);
    else dropped.push(`${where}[${i}]`);
  });
  return { kept, dropped };
}

/** Re-reads the store when another tab writes its key (the storage event reaches other tabs only). */
export function followOtherTabs(store: Pick<PersistedStore<unknown>, 'reload'>, key: string): void {
  if (typeof window === 'undefined') return;
  window.addEventListener('storage', (event) => {
    if (event.key === key || event.key === null) store.reload();
  });
}

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createPersisted, keepValidEntries } from './persisted.ts';
import { memoryStorage } from './saved.ts';
import { backupsOf, fullStorage } from './storage-fixtures.ts';

const KEY = 'test:notes';
const schema = z.object({ version: z.literal(1), notes: z.record(z.string(), z.string().min(1)) }).strict();
type Notes = z.infer<typeof schema>;
const initial = (): Notes => ({ version: 1, notes: {} });
const salvage = (raw: unknown) => {
  const { kept, dropped } = keepValidEntries((raw as { notes?: unknown }).notes, schema.shape.notes.valueType, 'notes');
  return { value: { version: 1 as const, notes: kept }, dropped };
};
const open = (storage: ReturnType<typeof memoryStorage>) =>
  createPersisted({ key: KEY, schema, initial, label: 'notes', storage, salvage });
const damaged = JSON.stringify({ version: 1, notes: { a: 'kept', b: '', c: 'also kept' }, padding: 'x'.repeat(200) });

describe('createPersisted', () => {
  it('has saved a change by the time its listeners hear of it (a badge re-reading storage is not one step behind)', () => {
    const storage = memoryStorage();
    const store = open(storage);
    const seen: unknown[] = [];
    store.$value.listen(() => seen.push(JSON.parse(storage.getItem(KEY) ?? 'null')));
    store.update((n) => ({ ...n, notes: { a: 'first' } }));
    store.set({ version: 1, notes: { a: 'second' } });
    expect(seen).toEqual([
      { version: 1, notes: { a: 'first' } },
      { version: 1, notes: { a: 'second' } },
    ]);
  });

  it('keeps the valid entries of damaged data and backs the original up', () => {
    const storage = memoryStorage({ [KEY]: damaged });
    const store = open(storage);
    expect(store.get().notes).toEqual({ a: 'kept', c: 'also kept' });
    expect(store.$notice.get()).toMatchObject({
      kind: 'recovered',
      message: expect.stringContaining('left out: notes.b'),
    });
    expect(backupsOf(storage, KEY).map((k) => storage.getItem(k))).toEqual([damaged]);
    expect(JSON.parse(storage.getItem(KEY)!)).toEqual({ version: 1, notes: { a: 'kept', c: 'also kept' } });
  });

  it('holds damaged data it cannot back up: no write, no page visit overwrites it until the person acts', () => {
    const storage = fullStorage({ [KEY]: damaged });
    const store = open(storage);
    expect(store.$held.get()).toBe(true);
    expect(store.$notice.get()).toMatchObject({ kind: 'held', message: expect.stringContaining('left untouched') });
    expect(store.get().notes).toEqual({ a: 'kept', c: 'also kept' }); // shown, not saved
    expect(store.update((n) => ({ ...n, notes: { ...n.notes, d: 'new' } }))).toBe(false);
    expect(store.set(initial())).toBe(false);
    const visit = open(storage); // another page, another tab
    visit.set(initial());
    expect(storage.getItem(KEY)).toBe(damaged);
    expect(backupsOf(storage, KEY)).toEqual([]);
    expect(store.heldText()).toBe(damaged);
    // The person downloaded it and chose to discard it: saving resumes.
    expect(store.discardUnreadable()).toBe(true);
    expect(store.$held.get()).toBe(false);
    expect(JSON.parse(storage.getItem(KEY)!)).toEqual({ version: 1, notes: {} });
  });

  it('backs up and resumes once the person has freed space and reloads', () => {
    const storage = fullStorage({ [KEY]: damaged });
    const store = open(storage);
    expect(store.$held.get()).toBe(true);
    storage.setItem = (k, v) => void storage.data.set(k, v);
    store.reload();
    expect(store.$held.get()).toBe(false);
    expect(backupsOf(storage, KEY).map((k) => storage.getItem(k))).toEqual([damaged]);
    expect(store.update((n) => ({ ...n, notes: { ...n.notes, d: 'new' } }))).toBe(true);
    expect(JSON.parse(storage.getItem(KEY)!).notes).toEqual({ a: 'kept', c: 'also kept', d: 'new' });
  });

  it('says a failed write was not saved and keeps the value in memory', () => {
    const storage = fullStorage();
    const store = open(storage);
    expect(store.set({ version: 1, notes: { a: 'x' } })).toBe(false);
    expect(store.get().notes).toEqual({ a: 'x' });
    expect(store.$notice.get()).toMatchObject({
      kind: 'unsaved',
      message: expect.stringContaining('QuotaExceededError'),
    });
  });

  it('keeps saying nothing will be saved when the browser blocks storage, however often the value changes', () => {
    const blocked = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
      removeItem: () => undefined,
    };
    const store = createPersisted({ key: KEY, schema, initial, label: 'notes', storage: blocked });
    expect(store.set({ version: 1, notes: { a: 'x' } })).toBe(false);
    expect(store.get().notes).toEqual({ a: 'x' });
    expect(store.$notice.get()).toMatchObject({
      kind: 'unsaved',
      message: expect.stringContaining('will not be saved'),
    });
  });
});

import { describe, expect, it } from 'vitest';
import { CHECKLISTS_BACKUP_PREFIX, CHECKLISTS_KEY, createChecklistStore, type KeyValueStorage } from './checklists.ts';

class MemoryStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  failWrites = false;
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  backups(): Array<[string, string]> {
    return [...this.items].filter(([key]) => key.startsWith(CHECKLISTS_BACKUP_PREFIX));
  }
  setItem(key: string, value: string): void {
    if (this.failWrites) throw new Error('QuotaExceededError: the quota has been exceeded');
    this.items.set(key, value);
  }
}

const fixedNow = () => new Date('2026-03-02T09:00:00.000Z');

describe('checklist store', () => {
  it('starts empty without saved data and says nothing', () => {
    const store = createChecklistStore(new MemoryStorage(), fixedNow);
    expect(store.$state.get()).toEqual({ version: 1, checklists: {}, assessments: {} });
    expect(store.$notice.get()).toBeNull();
  });

  it('saves ticks under workbook:checklists:v1 and a new store reads them back', () => {
    const storage = new MemoryStorage();
    const store = createChecklistStore(storage, fixedNow);
    store.setChecked('option-a', 'rbac', true);
    store.setChecked('option-a', 'audit-logging', true);
    store.setChecked('option-a', 'rbac', false);
    const saved = JSON.parse(storage.getItem(CHECKLISTS_KEY) ?? 'null');
    expect(saved.checklists['option-a']).toEqual({ checked: ['audit-logging'], updatedAt: '2026-03-02T09:00:00.000Z' });
    const again = createChecklistStore(storage, fixedNow);
    expect(again.$state.get().checklists['option-a']?.checked).toEqual(['audit-logging']);
  });

  it('does not duplicate an item ticked twice', () => {
    const store = createChecklistStore(new MemoryStorage(), fixedNow);
    store.setChecked('c', 'x', true);
    store.setChecked('c', 'x', true);
    expect(store.$state.get().checklists['c']?.checked).toEqual(['x']);
  });

  it('saves and clears self-assessment scores and rejects scores outside 0–100', () => {
    const storage = new MemoryStorage();
    const store = createChecklistStore(storage, fixedNow);
    store.setScore('phase-1-assessment', 'project', 90);
    store.setScore('phase-1-assessment', 'code-review', 70);
    store.setScore('phase-1-assessment', 'code-review', null);
    expect(createChecklistStore(storage).$state.get().assessments['phase-1-assessment']?.scores).toEqual({
      project: 90,
    });
    expect(() => store.setScore('phase-1-assessment', 'project', 101)).toThrow();
  });

  it.each([
    ['not JSON', '{"version":1,', 'not valid JSON'],
    [
      'a wrong shape',
      JSON.stringify({ version: 1, checklists: { a: { checked: 'rbac' } }, assessments: {} }),
      'checklists.a',
    ],
    ['a newer version', JSON.stringify({ version: 2, checklists: {}, assessments: {} }), 'version'],
  ])('keeps %s aside under a backup key, starts empty and tells the learner', (_name, raw, reason) => {
    const storage = new MemoryStorage();
    storage.setItem(CHECKLISTS_KEY, raw);
    const store = createChecklistStore(storage, fixedNow);
    expect(store.$state.get().checklists).toEqual({});
    const backups = storage.backups();
    expect(backups).toHaveLength(1);
    const [backupKey, backupValue] = backups[0]!;
    expect(backupValue).toBe(raw);
    const notice = store.$notice.get();
    expect(notice?.kind).toBe('recovered');
    expect(notice?.backupKey).toBe(backupKey);
    expect(notice?.message).toContain(backupKey);
    expect(notice?.message).toContain(reason);
    store.setChecked('c', 'x', true);
    expect(JSON.parse(storage.getItem(CHECKLISTS_KEY) ?? '{}').checklists.c.checked).toEqual(['x']);
    expect(storage.getItem(backupKey)).toBe(raw);
  });

  it('leaves unreadable data untouched and saves nothing when no backup can be written', () => {
    const storage = new MemoryStorage();
    storage.setItem(CHECKLISTS_KEY, 'broken');
    storage.failWrites = true;
    const store = createChecklistStore(storage, fixedNow);
    expect(store.$notice.get()?.kind).toBe('held');
    createChecklistStore(storage, fixedNow).setScore('a', 'b', 10); // a page visit in another tab
    storage.failWrites = false;
    store.setChecked('c', 'x', true);
    expect(store.$state.get().checklists['c']?.checked).toEqual(['x']);
    expect(storage.getItem(CHECKLISTS_KEY)).toBe('broken');
    expect(store.discardUnreadable()).toBe(true);
    expect(JSON.parse(storage.getItem(CHECKLISTS_KEY) ?? '{}').checklists.c.checked).toEqual(['x']);
  });

  it('keeps the valid checklists of damaged data', () => {
    const storage = new MemoryStorage();
    storage.setItem(
      CHECKLISTS_KEY,
      JSON.stringify({
        version: 1,
        checklists: { good: { checked: ['x'], updatedAt: '2026-03-01T10:00:00.000Z' }, bad: { checked: 'x' } },
        assessments: {},
      }),
    );
    const store = createChecklistStore(storage, fixedNow);
    expect(Object.keys(store.$state.get().checklists)).toEqual(['good']);
    expect(store.$notice.get()?.message).toContain('checklists.bad');
  });

  it('tells the learner when a save fails, and keeps the change in memory', () => {
    const storage = new MemoryStorage();
    const store = createChecklistStore(storage, fixedNow);
    storage.failWrites = true;
    store.setChecked('c', 'x', true);
    expect(store.$state.get().checklists['c']?.checked).toEqual(['x']);
    expect(store.$notice.get()).toMatchObject({ kind: 'unsaved' });
    expect(store.$notice.get()?.message).toContain('quota');
  });

  it('works without storage at all and says the work will not be saved', () => {
    const store = createChecklistStore(null, fixedNow);
    store.setChecked('c', 'x', true);
    expect(store.$state.get().checklists['c']?.checked).toEqual(['x']);
    expect(store.$notice.get()?.kind).toBe('unsaved');
  });

  it('reload() picks up what another tab saved', () => {
    const storage = new MemoryStorage();
    const mine = createChecklistStore(storage, fixedNow);
    const other = createChecklistStore(storage, fixedNow);
    other.setChecked('c', 'y', true);
    expect(mine.$state.get().checklists['c']).toBeUndefined();
    mine.reload();
    expect(mine.$state.get().checklists['c']?.checked).toEqual(['y']);
  });
});

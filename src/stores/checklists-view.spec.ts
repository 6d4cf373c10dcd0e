import { describe, expect, it } from 'vitest';
import { createChecklistStore } from './checklists.ts';
import { CHECKLISTS_KEY, readChecklistsView } from './checklists-view.ts';
import { memoryStorage } from './saved.ts';

describe('checklists view (the dependency-free first read)', () => {
  it('reads what the full store saved', () => {
    const storage = memoryStorage();
    const store = createChecklistStore(storage);
    store.setChecked('option-a-requirements', 'rbac', true);
    store.setScore('phase-1-assessment', 'project', 92.5);
    expect(readChecklistsView(storage.getItem(CHECKLISTS_KEY))).toEqual({
      checklists: { 'option-a-requirements': ['rbac'] },
      assessments: { 'phase-1-assessment': { project: 92.5 } },
    });
  });

  it('treats nothing saved as empty', () => {
    expect(readChecklistsView(null)).toEqual({ checklists: {}, assessments: {} });
  });

  it.each([
    ['not JSON', '{"version":1,'],
    ['another version', JSON.stringify({ version: 2, checklists: {}, assessments: {} })],
    [
      'ticks that are not a list',
      JSON.stringify({ version: 1, checklists: { a: { checked: 'rbac' } }, assessments: {} }),
    ],
    [
      'a score above 100',
      JSON.stringify({ version: 1, checklists: {}, assessments: { p: { scores: { project: 140 } } } }),
    ],
    ['no assessments', JSON.stringify({ version: 1, checklists: {} })],
    ['an array', '[]'],
  ])('returns null for %s, so the page loads the validating store', (_name, raw) => {
    expect(readChecklistsView(raw)).toBeNull();
  });
});

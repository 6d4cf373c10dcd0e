import { describe, expect, it } from 'vitest';
import { sampleSet } from './fixtures.ts';
import { setChanges } from './set-changes.ts';

describe('setChanges', () => {
  it('is empty for the same set', () => {
    expect(setChanges(sampleSet(), sampleSet())).toEqual([]);
  });

  it('names every change an intern would lose or gain', () => {
    const held = sampleSet();
    const { notes: _notes, ...withoutNotes } = held;
    const incoming = {
      ...withoutNotes,
      title: 'Week 1, revised',
      exercises: [{ id: 'task-entity-complete', due: '2026-11-27' }, { id: 'new-exercise' }],
    };
    expect(setChanges(held, incoming)).toEqual([
      'Title: "Week 1 basics" → "Week 1, revised"',
      'The notes are removed',
      'Due date of task-entity-complete: 2026-11-20 → 2026-11-27',
      'Added: new-exercise',
      'Removed: cqrs-create-task-handler',
      'Removed: cache-aside-get-task',
    ]);
  });
});

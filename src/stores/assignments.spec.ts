import { describe, expect, it } from 'vitest';
import { memoryStorage } from './saved.ts';
import { sampleSet } from '../mentor/fixtures.ts';
import { ASSIGNMENTS_KEY, createAssignments } from './assignments.ts';

const now = () => new Date('2026-11-25T12:00:00Z');

describe('assignments store', () => {
  it('adds a set once, updates it when the mentor changes it, and persists', () => {
    const storage = memoryStorage();
    const a = createAssignments(storage, now);
    expect(a.addAssignment(sampleSet())).toBe('added');
    expect(a.addAssignment(sampleSet())).toBe('unchanged');
    expect(a.addAssignment({ ...sampleSet(), title: 'Week 1, revised' })).toBe('updated');
    expect(a.$assignments.get().assignments).toHaveLength(1);

    const reopened = createAssignments(storage, now);
    expect(reopened.$assignments.get().assignments[0]).toEqual({
      set: { ...sampleSet(), title: 'Week 1, revised' },
      addedAt: '2026-11-25T12:00:00.000Z',
    });
    expect(reopened.$assignmentsProblem.get()).toBeUndefined();
  });

  it("remembers the intern's name for reports and validates it", () => {
    const storage = memoryStorage();
    const a = createAssignments(storage, now);
    a.setIntern({ name: 'Ada Intern', email: 'ada@example.com' });
    expect(createAssignments(storage, now).$assignments.get().intern).toEqual({
      name: 'Ada Intern',
      email: 'ada@example.com',
    });
    expect(() => a.setIntern({ name: '' })).toThrow();
  });

  it('removes an assignment', () => {
    const a = createAssignments(memoryStorage(), now);
    a.addAssignment(sampleSet());
    a.removeAssignment(sampleSet().id);
    expect(a.$assignments.get().assignments).toEqual([]);
  });

  it('keeps corrupt saved data as a backup, starts empty and says where the backup is', () => {
    for (const raw of ['{not json', JSON.stringify({ version: 1, assignments: [{ set: { id: 'x' } }] })]) {
      const storage = memoryStorage({ [ASSIGNMENTS_KEY]: raw });
      const a = createAssignments(storage, now);
      expect(a.$assignments.get().assignments).toEqual([]);
      const backupKey = [...storage.data.keys()].find((k) => k.startsWith(`${ASSIGNMENTS_KEY}:backup:`));
      expect(backupKey, 'a backup key is written').toBeDefined();
      expect(storage.data.get(backupKey!)).toBe(raw);
      expect(a.$assignmentsProblem.get()).toContain(`"${backupKey}"`);
      // Adding new work later does not touch the backup, and a reload reads the new state cleanly.
      a.addAssignment(sampleSet());
      expect(storage.data.get(backupKey!)).toBe(raw);
      const reopened = createAssignments(storage, now);
      expect(reopened.$assignmentsProblem.get()).toBeUndefined();
      expect(reopened.$assignments.get().assignments).toHaveLength(1);
    }
  });
});

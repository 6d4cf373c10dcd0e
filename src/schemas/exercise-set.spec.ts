import { describe, expect, it } from 'vitest';
import { sampleSet } from '../mentor/fixtures.ts';
import { dueDateSchema, exerciseSetSchema } from './exercise-set.ts';

describe('exerciseSetSchema', () => {
  it('accepts a set with and without due dates and notes', () => {
    expect(exerciseSetSchema.parse(sampleSet())).toEqual(sampleSet());
    const { notes: _notes, ...bare } = sampleSet();
    expect(exerciseSetSchema.safeParse(bare).success).toBe(true);
  });

  it('names the duplicated exercise', () => {
    const set = sampleSet();
    set.exercises.push({ id: 'task-entity-complete' });
    const result = exerciseSetSchema.safeParse(set);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ['exercises', 3, 'id'],
      message: expect.stringContaining('"task-entity-complete" is listed twice'),
    });
  });

  it('refuses an empty set, a foreign format, a newer version and unknown fields', () => {
    expect(exerciseSetSchema.safeParse({ ...sampleSet(), exercises: [] }).success).toBe(false);
    expect(exerciseSetSchema.safeParse({ ...sampleSet(), format: 'other' }).success).toBe(false);
    expect(exerciseSetSchema.safeParse({ ...sampleSet(), version: 2 }).success).toBe(false);
    expect(exerciseSetSchema.safeParse({ ...sampleSet(), extra: 1 }).success).toBe(false);
  });

  it('accepts only real calendar days as due dates', () => {
    expect(dueDateSchema.safeParse('2026-02-28').success).toBe(true);
    expect(dueDateSchema.safeParse('2024-02-29').success).toBe(true);
    for (const bad of ['2026-02-30', '2026-13-01', '26-01-01', '2026-01-01T00:00:00Z', 'tomorrow']) {
      expect(dueDateSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('describes every field, so the format documents itself', () => {
    for (const [name, field] of Object.entries(exerciseSetSchema.shape)) {
      expect(field.description, `field "${name}"`).toBeTruthy();
    }
  });
});

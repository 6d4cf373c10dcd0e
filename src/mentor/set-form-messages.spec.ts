import { describe, expect, it } from 'vitest';
import { exerciseSetSchema } from '../schemas/exercise-set.ts';
import { pickedCount, setFormMessages } from './set-form-messages.ts';

const issues = (raw: object) => {
  const parsed = exerciseSetSchema.safeParse({
    format: 'backend-workbook/exercise-set',
    version: 1,
    id: 'a-set',
    title: 'A set',
    mentor: 'Dana',
    exercises: [{ id: 'task-entity-complete' }],
    ...raw,
  });
  return parsed.success ? [] : parsed.error.issues;
};

describe('setFormMessages', () => {
  it('says in plain words what each empty field needs, once per field', () => {
    expect(setFormMessages(issues({ title: '', id: 'exercise-set', mentor: '', exercises: [] }))).toEqual({
      title: 'Give the set a title of 3 to 120 characters, e.g. "Week 1 warm-up".',
      mentor: 'Write your name (up to 80 characters), so the intern knows who assigned the set.',
      exercises: 'Tick at least one exercise below (at most 200).',
    });
  });

  it('names the exercise a problem is about', () => {
    const twice = [{ id: 'task-entity-complete' }, { id: 'task-entity-complete' }];
    expect(setFormMessages(issues({ exercises: twice })).exercises).toBe(
      'An exercise "task-entity-complete" is listed twice; list each exercise once.',
    );
  });

  it('counts the selection', () => {
    expect([0, 1, 2].map(pickedCount)).toEqual(['0 exercises selected', '1 exercise selected', '2 exercises selected']);
  });
});

import { describe, expect, it } from 'vitest';
import { weekSchemaWithExercises } from './week.ts';

const week = {
  week: 1,
  phase: 1,
  title: 'Architecture mastery',
  summary: 'Clean layers, SOLID, patterns and CQRS on the task service.',
  objectives: ['Separate commands from queries'],
  topics: ['CQRS'],
  hours: 40,
  exercises: ['cqrs-create-task-handler'],
};

describe('weekSchemaWithExercises', () => {
  it('accepts a chapter whose exercises all exist', () => {
    const parsed = weekSchemaWithExercises(new Set(['cqrs-create-task-handler'])).parse(week);
    expect(parsed.exercises).toEqual(['cqrs-create-task-handler']);
    expect(parsed.prerequisites).toEqual([]);
  });

  it('names the field and the unknown id when an exercise does not exist', () => {
    const result = weekSchemaWithExercises(new Set(['task-entity-complete'])).safeParse({
      ...week,
      exercises: ['task-entity-complete', 'no-such-exercise'],
    });
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.path).toEqual(['exercises', 1]);
    expect(issue?.message).toContain('"no-such-exercise"');
    expect(issue?.message).toContain('exercises/no-such-exercise/exercise.json');
  });

  it('still rejects unknown front-matter fields', () => {
    const result = weekSchemaWithExercises(new Set(['cqrs-create-task-handler'])).safeParse({ ...week, extra: true });
    expect(result.success).toBe(false);
  });
});

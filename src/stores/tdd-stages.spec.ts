import { describe, expect, it } from 'vitest';
import type { ExerciseProgress } from '../schemas/progress.ts';
import { tddStanding } from './tdd-stages.ts';

const entry = (stages: ExerciseProgress['stages']): ExerciseProgress => ({
  files: {},
  status: 'attempted',
  attempts: 1,
  hintsUsed: 0,
  solutionViewed: false,
  updatedAt: '2026-12-01T10:00:00.000Z',
  ...(stages ? { stages } : {}),
});

describe('tddStanding', () => {
  it('starts at the spec, with stage 2 closed', () => {
    expect(tddStanding(undefined)).toEqual({ specPassed: false, done: false, current: 'spec' });
    expect(tddStanding(entry({ spec: { status: 'attempted' } }))).toEqual({
      specPassed: false,
      done: false,
      current: 'spec',
    });
  });

  it('opens the implementation once the spec passed, and is done when it passed too', () => {
    expect(tddStanding(entry({ spec: { status: 'passed' } }))).toEqual({
      specPassed: true,
      done: false,
      current: 'implementation',
    });
    expect(tddStanding(entry({ spec: { status: 'passed' }, implementation: { status: 'passed' } }))).toEqual({
      specPassed: true,
      done: true,
      current: 'implementation',
    });
  });
});

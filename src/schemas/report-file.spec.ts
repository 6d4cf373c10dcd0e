import { describe, expect, it } from 'vitest';
import { buildReport } from '../mentor/report-build.ts';
import { sampleProgress, sampleSet } from '../mentor/fixtures.ts';
import { reportExerciseSchema, reportFileSchema } from './report-file.ts';

const report = () =>
  buildReport({
    intern: { name: 'Ada Intern' },
    set: sampleSet(),
    progress: sampleProgress(),
    now: new Date('2026-11-21T09:00:00Z'),
  });

describe('reportFileSchema', () => {
  it('round-trips a built report through JSON', () => {
    const r = report();
    expect(reportFileSchema.parse(JSON.parse(JSON.stringify(r)))).toEqual(r);
  });

  it('refuses a bad email, a claimed status outside the list, and negative attempts', () => {
    expect(reportFileSchema.safeParse({ ...report(), intern: { name: 'A', email: 'not-an-email' } }).success).toBe(
      false,
    );
    const r = report();
    (r.exercises[0] as { status: string }).status = 'done';
    expect(reportFileSchema.safeParse(r).error?.issues[0]?.path).toEqual(['exercises', 0, 'status']);
    r.exercises[0]!.status = 'passed';
    r.exercises[0]!.attempts = -1;
    expect(reportFileSchema.safeParse(r).error?.issues[0]?.path).toEqual(['exercises', 0, 'attempts']);
  });

  it('accepts an exercise id this workbook does not have (the dashboard shows it as unknown)', () => {
    const r = report();
    r.exercises.push({
      id: 'from-another-workbook',
      status: 'passed',
      attempts: 1,
      hintsUsed: 0,
      solutionViewed: false,
      files: {},
    });
    expect(reportFileSchema.safeParse(r).success).toBe(true);
  });

  it('describes every field', () => {
    for (const schema of [reportFileSchema, reportExerciseSchema]) {
      for (const [name, field] of Object.entries(schema.shape))
        expect(field.description, `field "${name}"`).toBeTruthy();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { localDay, summarizeAssignment } from './assignment-progress.ts';
import { sampleProgress, sampleSet } from './fixtures.ts';
import { buildReport, reportFileName } from './report-build.ts';

describe('buildReport', () => {
  const now = new Date('2026-11-21T09:00:00Z');

  it('copies status, attempts, hints, solution viewed, pass time, code and last report per exercise', () => {
    const r = buildReport({
      intern: { name: 'Ada Intern', email: 'ada@example.com' },
      set: sampleSet(),
      progress: sampleProgress(),
      now,
    });
    expect(r.exportedAt).toBe('2026-11-21T09:00:00.000Z');
    expect(r.set).toEqual(sampleSet());
    expect(r.exercises.map((e) => e.id)).toEqual([
      'task-entity-complete',
      'cqrs-create-task-handler',
      'cache-aside-get-task',
    ]);
    expect(r.exercises[0]).toEqual({
      id: 'task-entity-complete',
      status: 'passed',
      attempts: 3,
      hintsUsed: 1,
      solutionViewed: false,
      passedAt: '2026-11-19T10:00:00.000Z',
      files: { 'src/domain/task/task.entity.ts': 'export class Task {}\n' },
      lastReport: sampleProgress().exercises['task-entity-complete']!.lastReport,
    });
    expect(r.exercises[1]).toMatchObject({ status: 'attempted', hintsUsed: 2, solutionViewed: true });
    expect(r.exercises[1]).not.toHaveProperty('passedAt');
    expect(r.exercises[2]).toEqual({
      id: 'cache-aside-get-task',
      status: 'not-started',
      attempts: 0,
      hintsUsed: 0,
      solutionViewed: false,
      files: {},
    });
  });

  it('says when a test-first exercise has passed its spec stage, which is not a pass of the exercise', () => {
    const progress = sampleProgress();
    const entry = progress.exercises['cqrs-create-task-handler']!;
    progress.exercises['cqrs-create-task-handler'] = { ...entry, stages: { spec: { status: 'passed' } } };
    const r = buildReport({ intern: { name: 'Ada Intern' }, set: sampleSet(), progress, now });
    expect(r.exercises[1]).toMatchObject({ status: 'attempted', specPassed: true });
    expect(r.exercises[0]).not.toHaveProperty('specPassed');
  });

  it('refuses to write a report without a name', () => {
    expect(() => buildReport({ intern: { name: '  ' }, set: sampleSet(), progress: sampleProgress(), now })).toThrow(
      /intern/,
    );
  });

  it('names the file after the intern, set and day', () => {
    const r = buildReport({ intern: { name: "Zoë  O'Brien" }, set: sampleSet(), progress: sampleProgress(), now });
    expect(reportFileName(r)).toBe('report-zoe-o-brien-week-1-basics-2026-11-21.json');
  });
});

describe('summarizeAssignment', () => {
  it('counts done / total and marks overdue exercises that are not passed', () => {
    const s = summarizeAssignment(sampleSet(), sampleProgress(), '2026-11-25');
    expect(s).toMatchObject({ done: 1, total: 3, overdueCount: 0, nextDue: '2026-12-04' });
    const late = summarizeAssignment(sampleSet(), { exercises: {} }, '2026-11-25');
    expect(late).toMatchObject({ done: 0, overdueCount: 1, nextDue: '2026-11-20' });
    expect(late.items[0]).toEqual({
      id: 'task-entity-complete',
      status: 'not-started',
      due: '2026-11-20',
      overdue: true,
    });
    expect(late.items[2]).toEqual({ id: 'cache-aside-get-task', status: 'not-started', overdue: false });
  });

  it('is not overdue on the due day itself', () => {
    expect(summarizeAssignment(sampleSet(), { exercises: {} }, '2026-11-20').overdueCount).toBe(0);
  });

  it('formats the local day', () => {
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

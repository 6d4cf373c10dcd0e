// Capstone milestones travel in reports (from progress, with the project archive when attached),
// show per intern on the dashboard, and re-grade into verdicts like exercises.
import { describe, expect, it } from 'vitest';
import { emptyCohort, importReports } from './cohort.ts';
import { milestoneRegradeTasks, milestoneTable, regradeMilestone } from './cohort-milestones.ts';
import { checkReport, sampleProgress, sampleSet } from './fixtures.ts';
import { buildReport } from './report-build.ts';

const NOW = new Date('2026-11-20T12:00:00.000Z');
const progress = () => {
  const p = sampleProgress();
  p.exercises['project-m1'] = {
    files: {},
    status: 'passed',
    attempts: 2,
    firstPassedAt: '2026-11-19T12:00:00.000Z',
    hintsUsed: 0,
    solutionViewed: false,
    lastReport: checkReport('project-m1', 'passed'),
    updatedAt: '2026-11-19T12:00:00.000Z',
  };
  p.exercises['project-m2'] = {
    files: {},
    status: 'attempted',
    attempts: 1,
    hintsUsed: 0,
    solutionViewed: false,
    lastReport: { ...checkReport('project-m2', 'failed'), isolation: 'none' },
    updatedAt: '2026-11-19T13:00:00.000Z',
  };
  return p;
};
const intern = { name: 'Ada Lovelace' };

async function cohortWith(archive?: string) {
  const report = buildReport({
    intern,
    set: sampleSet(),
    progress: progress(),
    now: NOW,
    ...(archive ? { projectArchive: archive } : {}),
  });
  const { cohort, outcomes } = await importReports(
    emptyCohort(),
    [{ name: 'r.json', text: JSON.stringify(report) }],
    NOW,
  );
  expect(outcomes[0]?.kind).toBe('added');
  return cohort;
}

describe('capstone milestones in reports and on the dashboard', () => {
  it('the report carries the milestones from progress (with their isolation) and the attached archive', () => {
    const report = buildReport({ intern, set: sampleSet(), progress: progress(), now: NOW, projectArchive: 'H4sI' });
    expect(report.milestones?.map((m) => [m.milestone, m.status, m.lastReport?.isolation])).toEqual([
      ['m1', 'passed', 'bubblewrap'],
      ['m2', 'attempted', 'none'],
    ]);
    expect(report.projectArchive).toBe('H4sI');
    expect(buildReport({ intern, set: sampleSet(), progress: sampleProgress(), now: NOW }).milestones).toBeUndefined();
  });

  it('the table shows each intern’s milestones with status, isolation and date', async () => {
    const rows = milestoneTable(await cohortWith());
    expect(rows).toHaveLength(1);
    const m1 = rows[0]?.cells.get('m1');
    expect(m1).toMatchObject({
      status: 'passed',
      passedAt: '2026-11-19T12:00:00.000Z',
      lastRun: { isolation: 'bubblewrap', finishedAt: '2026-11-19T10:00:00.000Z' },
      hasArchive: false,
    });
    expect(rows[0]?.cells.has('m3')).toBe(false);
  });

  it('re-grades claimed milestones: without an archive unverified, with one judged like an exercise', async () => {
    const bare = await cohortWith();
    const [task] = milestoneRegradeTasks(bare, milestoneTable(bare));
    expect(task).toMatchObject({ milestone: 'm1', claimed: 'passed', archive: undefined });
    const never = () => Promise.reject(new Error('must not run'));
    expect((await regradeMilestone(task!, never, () => NOW)).message).toMatch(/carries no project archive/);

    const withArchive = await cohortWith('H4sIAAAA');
    const tasks = milestoneRegradeTasks(withArchive, milestoneTable(withArchive));
    expect(tasks.map((t) => [t.milestone, t.archive])).toEqual([
      ['m1', 'H4sIAAAA'],
      ['m2', 'H4sIAAAA'],
    ]);
    const failing = async () => checkReport('project-m1', 'failed');
    expect((await regradeMilestone(tasks[0]!, failing, () => NOW)).verdict).toBe('mismatched');
    const passing = async () => checkReport('project-m1', 'passed');
    expect((await regradeMilestone(tasks[0]!, passing, () => NOW)).verdict).toBe('verified');
    const refused = async () => ({
      ...checkReport('project-m1', 'error'),
      checks: [],
      message: 'Not re-graded: no bubblewrap.',
    });
    expect(await regradeMilestone(tasks[0]!, refused, () => NOW)).toMatchObject({
      verdict: 'unverified',
      message: 'Not re-graded: no bubblewrap.',
    });
  });
});

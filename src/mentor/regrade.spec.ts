import { describe, expect, it } from 'vitest';
import type { GradeRequest } from '../schemas/report.ts';
import { emptyCohort, importReports, verdictKey, type Verdict } from './cohort.ts';
import { cohortTable } from './cohort-table.ts';
import { checkReport, sampleCatalog, sampleProgress, sampleSet } from './fixtures.ts';
import { HOW_TO_ISOLATE, judge, regrade, regradeTasks, type GradeFn } from './regrade.ts';
import { buildReport } from './report-build.ts';

const now = () => new Date('2026-11-25T12:00:00Z');

async function table() {
  const report = buildReport({
    intern: { name: 'Ada Intern' },
    set: sampleSet(),
    progress: sampleProgress(),
    now: now(),
  });
  report.set = { ...report.set, exercises: [...report.set.exercises, { id: 'mystery-exercise' }] };
  report.exercises.push({
    id: 'mystery-exercise',
    status: 'passed',
    attempts: 1,
    hintsUsed: 0,
    solutionViewed: false,
    files: { 'x.ts': '1' },
  });
  const { cohort } = await importReports(emptyCohort(), [{ name: 'ada.json', text: JSON.stringify(report) }]);
  return { cohort, table: cohortTable(cohort, sampleCatalog(), '2026-11-25') };
}

describe('judge', () => {
  it('verifies a claimed pass the checks confirm, and flags one they do not', () => {
    expect(judge('passed', checkReport('a', 'passed'), now())).toMatchObject({
      verdict: 'verified',
      regraded: 'passed',
    });
    const bad = judge('passed', checkReport('a', 'failed'), now());
    expect(bad).toMatchObject({ verdict: 'mismatched', regraded: 'failed' });
    expect(bad.message).toContain('failing: complete() marks the task completed');
  });

  it('verifies an unfinished claim the checks confirm, flags one whose code actually passes', () => {
    expect(judge('attempted', checkReport('a', 'failed'), now()).verdict).toBe('verified');
    expect(judge('attempted', checkReport('a', 'passed'), now()).verdict).toBe('mismatched');
  });

  it('treats a timeout or error of the submitted code as not passing', () => {
    expect(judge('passed', { ...checkReport('a', 'timeout'), message: 'ran past 10 s' }, now())).toMatchObject({
      verdict: 'mismatched',
      message: expect.stringContaining('ran past 10 s'),
    });
  });
});

describe('judge: verified means the code passed in isolation, and tried nothing', () => {
  it('never verifies a run without isolation, and says how to get isolation', () => {
    const open = judge('passed', { ...checkReport('a', 'passed'), isolation: 'none' }, now());
    expect(open).toMatchObject({
      verdict: 'unverified',
      isolation: 'none',
      message: expect.stringContaining('without isolation'),
    });
    expect(open.message).toContain(HOW_TO_ISOLATE);
    expect(judge('attempted', { ...checkReport('a', 'failed'), isolation: 'none' }, now()).verdict).toBe('unverified');
    for (const isolation of ['bubblewrap', 'permissions', 'web-worker'] as const) {
      expect(judge('passed', { ...checkReport('a', 'passed'), isolation }, now()).verdict, isolation).toBe('verified');
    }
  });

  it('marks a run whose code tried something with what it tried, whatever the checks said', () => {
    const attempts = ['read outside the workspace: /etc/passwd', 'wrote checks/a/a.check.ts'];
    const verdict = judge('passed', { ...checkReport('a', 'passed'), attempts }, now());
    expect(verdict).toMatchObject({ verdict: 'tampered', attempts, isolation: 'bubblewrap' });
    expect(verdict.message).toContain('/etc/passwd; wrote checks/a/a.check.ts');
    expect(judge('attempted', { ...checkReport('a', 'failed'), attempts }, now()).verdict).toBe('tampered');
  });

  it("shows the grader's refusal (no isolation available) as its own message, not as a mismatch", () => {
    // As grader/grader.ts answers a re-grade it cannot sandbox: every check skipped, its reason in the message.
    const skipped = checkReport('a', 'error').checks.map((c) => ({ ...c, status: 'skipped' as const, durationMs: 0 }));
    const refusal = {
      ...checkReport('a', 'error'),
      checks: skipped,
      isolation: 'permissions' as const,
      message: 'Not re-graded: this machine cannot sandbox untrusted code (no bubblewrap). Install bubblewrap.',
    };
    expect(judge('passed', refusal, now())).toMatchObject({ verdict: 'unverified', message: refusal.message });
    expect(
      judge('attempted', { ...refusal, checks: [], isolation: 'none', message: 'Redis is down.' }, now()),
    ).toMatchObject({ verdict: 'unverified', message: 'Not re-graded: Redis is down.' });
  });
});

describe('regrade', () => {
  it("grades only known exercises that carry code, with the report's own files", async () => {
    const { table: t } = await table();
    const tasks = regradeTasks(t, sampleCatalog());
    expect(tasks.map((x) => [x.exerciseId, x.claimed])).toEqual([
      ['cqrs-create-task-handler', 'attempted'],
      ['task-entity-complete', 'passed'],
    ]);
    expect(tasks[1]!.files).toEqual(sampleProgress().exercises['task-entity-complete']!.files);
  });

  it('re-grades a test-first exercise in its implementation stage: a passing spec alone is not a pass', async () => {
    const { table: t } = await table();
    const catalog = sampleCatalog();
    catalog.set('task-entity-complete', { ...catalog.get('task-entity-complete')!, testFirst: true });
    const tasks = regradeTasks(t, catalog);
    expect(tasks.find((x) => x.exerciseId === 'task-entity-complete')?.stage).toBe('implementation');
    expect(tasks.find((x) => x.exerciseId === 'cqrs-create-task-handler')?.stage).toBeUndefined();
    const requests: GradeRequest[] = [];
    const grade: GradeFn = async (request) => {
      requests.push(request);
      return { ...checkReport(request.exerciseId, 'passed'), ...(request.stage ? { stage: request.stage } : {}) };
    };
    await regrade(tasks, grade, { signal: new AbortController().signal, onVerdict: () => {}, now });
    expect(requests.map((r) => [r.exerciseId, r.stage])).toEqual([
      ['cqrs-create-task-handler', undefined],
      ['task-entity-complete', 'implementation'],
    ]);
    // A report of the spec stage never confirms a claimed pass.
    const specOnly = { ...checkReport('task-entity-complete', 'passed'), stage: 'spec' as const };
    expect(judge('passed', specOnly, now())).toMatchObject({ verdict: 'mismatched' });
  });

  it('flags a claimed pass that carries no code without running the grader', async () => {
    const { table: t, cohort } = await table();
    const row = t.rows[0]!;
    row.cells.set('cache-aside-get-task', { ...row.cells.get('cache-aside-get-task')!, status: 'passed' });
    const tasks = regradeTasks(t, sampleCatalog());
    expect(tasks.map((x) => x.exerciseId)).toContain('cache-aside-get-task');
    const verdicts = new Map<string, Verdict>();
    const grade: GradeFn = async (request) => checkReport(request.exerciseId, 'passed');
    await regrade(tasks, grade, { signal: new AbortController().signal, onVerdict: (k, v) => verdicts.set(k, v), now });
    expect(verdicts.get(verdictKey(cohort.reports[0]!.fingerprint, 'cache-aside-get-task'))).toMatchObject({
      verdict: 'mismatched',
      message: expect.stringContaining('carries no code'),
    });
  });

  it('reports a verdict per task, and "unverified" with the reason when the engine fails', async () => {
    const { table: t, cohort } = await table();
    const seen: GradeRequest[] = [];
    const grade: GradeFn = async (request) => {
      seen.push(request);
      if (request.exerciseId === 'cqrs-create-task-handler')
        throw new Error('no grading engine answers; run npm start');
      return checkReport(request.exerciseId, 'passed');
    };
    const verdicts = new Map<string, Verdict>();
    await regrade(regradeTasks(t, sampleCatalog()), grade, {
      signal: new AbortController().signal,
      onVerdict: (k, v) => verdicts.set(k, v),
      now,
    });
    expect(seen).toHaveLength(2);
    expect(seen.map((r) => r.purpose)).toEqual(['regrade', 'regrade']); // someone else's code: a fresh sandbox or a refusal
    const fp = cohort.reports[0]!.fingerprint;
    expect(verdicts.get(verdictKey(fp, 'task-entity-complete'))?.verdict).toBe('verified');
    expect(verdicts.get(verdictKey(fp, 'cqrs-create-task-handler'))).toMatchObject({
      verdict: 'unverified',
      message: 'Could not re-grade: no grading engine answers; run npm start',
    });
  });

  it('stops when aborted', async () => {
    const { table: t } = await table();
    const controller = new AbortController();
    let calls = 0;
    const grade: GradeFn = async (request) => {
      calls += 1;
      controller.abort(new Error('mentor pressed Stop'));
      return checkReport(request.exerciseId, 'passed');
    };
    await expect(
      regrade(regradeTasks(t, sampleCatalog()), grade, { signal: controller.signal, onVerdict: () => {} }),
    ).rejects.toThrow('mentor pressed Stop');
    expect(calls).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../stores/saved.ts';
import { importReports } from './cohort.ts';
import { COHORT_KEY, createCohortStore } from './cohort-store.ts';
import { sampleProgress, sampleSet } from './fixtures.ts';
import { buildReport } from './report-build.ts';

describe('cohort store', () => {
  it('keeps imported reports and verdicts across a reload', async () => {
    const storage = memoryStorage();
    const first = createCohortStore(storage);
    const report = buildReport({ intern: { name: 'Ada Intern' }, set: sampleSet(), progress: sampleProgress() });
    const { cohort } = await importReports(first.store.get(), [{ name: 'ada.json', text: JSON.stringify(report) }]);
    first.store.set({ ...cohort, verdicts: { [`${cohort.reports[0]!.fingerprint}/task-entity-complete`]: { verdict: 'verified', claimed: 'passed', regraded: 'passed', message: 'ok', checkedAt: new Date().toISOString() } } });
    const again = createCohortStore(storage).store.get();
    expect(again.reports.map((r) => r.report.intern.name)).toEqual(['Ada Intern']);
    expect(Object.values(again.verdicts).map((v) => v.verdict)).toEqual(['verified']);
  });

  it('keeps an unreadable saved cohort as a backup and reports it', () => {
    const storage = memoryStorage({ [COHORT_KEY]: '{"version":1,"reports":"oops","verdicts":{}}' });
    const store = createCohortStore(storage);
    expect(store.store.get().reports).toEqual([]);
    expect(store.problem.get()).toMatch(/imported reports could not be read \(field "reports"/);
    expect([...storage.data.values()]).toContain('{"version":1,"reports":"oops","verdicts":{}}');
  });
});

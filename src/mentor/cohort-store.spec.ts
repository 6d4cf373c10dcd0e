import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../stores/saved.ts';
import { fullStorage } from '../stores/storage-fixtures.ts';
import { importReports } from './cohort.ts';
import { COHORT_KEY, createCohortStore } from './cohort-store.ts';
import { sampleProgress, sampleSet } from './fixtures.ts';
import { buildReport } from './report-build.ts';

describe('cohort store', () => {
  it('keeps imported reports and verdicts across a reload', async () => {
    const storage = memoryStorage();
    const first = createCohortStore(storage);
    const report = buildReport({ intern: { name: 'Ada Intern' }, set: sampleSet(), progress: sampleProgress() });
    const { cohort } = await importReports(first.get(), [{ name: 'ada.json', text: JSON.stringify(report) }]);
    first.set({
      ...cohort,
      verdicts: {
        [`${cohort.reports[0]!.fingerprint}/task-entity-complete`]: {
          verdict: 'verified',
          claimed: 'passed',
          regraded: 'passed',
          message: 'ok',
          checkedAt: new Date().toISOString(),
        },
      },
    });
    const again = createCohortStore(storage).get();
    expect(again.reports.map((r) => r.report.intern.name)).toEqual(['Ada Intern']);
    expect(Object.values(again.verdicts).map((v) => v.verdict)).toEqual(['verified']);
  });

  it('keeps an unreadable saved cohort as a backup and reports it', () => {
    const storage = memoryStorage({ [COHORT_KEY]: '{"version":1,"reports":"oops","verdicts":{}}' });
    const store = createCohortStore(storage);
    expect(store.get().reports).toEqual([]);
    expect(store.$notice.get()?.message).toMatch(/imported reports could not be read \(field "reports"/);
    expect([...storage.data.values()]).toContain('{"version":1,"reports":"oops","verdicts":{}}');
  });

  it('never overwrites an unreadable cohort it could not back up, even by an import', async () => {
    const raw = JSON.stringify({ version: 1, reports: 'damaged', verdicts: {}, padding: 'x'.repeat(50_000) });
    const storage = fullStorage({ [COHORT_KEY]: raw });
    const store = createCohortStore(storage);
    expect(store.$held.get()).toBe(true);
    const report = buildReport({ intern: { name: 'Ada Intern' }, set: sampleSet(), progress: sampleProgress() });
    const { cohort } = await importReports(store.get(), [{ name: 'ada.json', text: JSON.stringify(report) }]);
    expect(store.set(cohort)).toBe(false);
    expect(storage.getItem(COHORT_KEY)).toBe(raw);
  });
});

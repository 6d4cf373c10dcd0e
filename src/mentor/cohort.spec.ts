import { describe, expect, it, vi } from 'vitest';
import { MAX_REPORT_CHARS, cohortSchema, emptyCohort, importReports, notSaved, type Cohort } from './cohort.ts';
import { cohortTable, competencyProgress } from './cohort-table.ts';
import { cohortCsv, csvCell } from './csv.ts';
import { sampleCatalog, sampleProgress, sampleSet } from './fixtures.ts';
import { buildReport } from './report-build.ts';
import type { ReportFile } from '../schemas/report-file.ts';

const at = (iso: string) => new Date(iso);
const ada = (exported = '2026-11-21T09:00:00Z') =>
  buildReport({ intern: { name: 'Ada Intern' }, set: sampleSet(), progress: sampleProgress(), now: at(exported) });
const bob = () =>
  buildReport({
    intern: { name: 'Bob Builder', email: 'bob@example.com' },
    set: sampleSet(),
    progress: { exercises: {} },
    now: at('2026-11-21T10:00:00Z'),
  });
const file = (name: string, report: ReportFile | string) => ({
  name,
  text: typeof report === 'string' ? report : JSON.stringify(report, null, 2),
});

async function imported(...files: Array<{ name: string; text: string }>): Promise<Cohort> {
  return (await importReports(emptyCohort(), files)).cohort;
}

describe('importReports', () => {
  it('adds reports and says whose they are', async () => {
    const { cohort, outcomes } = await importReports(emptyCohort(), [file('ada.json', ada()), file('bob.json', bob())]);
    expect(outcomes.map((o) => o.kind)).toEqual(['added', 'added']);
    expect(outcomes[0]!.message).toBe('Imported Ada Intern — Week 1 basics (3 exercises).');
    expect(cohort.reports).toHaveLength(2);
    expect(cohortSchema.safeParse(JSON.parse(JSON.stringify(cohort))).success).toBe(true);
  });

  it('does not count the same report twice, even re-saved with other whitespace or file name', async () => {
    const first = await imported(file('ada.json', ada()));
    const { cohort, outcomes } = await importReports(first, [{ name: 'ada (1).json', text: JSON.stringify(ada()) }]);
    expect(outcomes[0]).toMatchObject({
      kind: 'duplicate',
      message: expect.stringContaining('same report as "ada.json"'),
    });
    expect(cohort.reports).toHaveLength(1);
    expect(cohortTable(cohort, sampleCatalog(), '2026-11-25').rows).toHaveLength(1);
  });

  it('keeps an older report in the history but shows the newest per intern and set', async () => {
    const newer = await imported(
      file('ada-new.json', {
        ...ada('2026-11-22T09:00:00Z'),
        exercises: ada().exercises.map((e) => ({ ...e, status: 'passed' as const })),
      }),
    );
    const { cohort, outcomes } = await importReports(newer, [file('ada-old.json', ada('2026-11-20T09:00:00Z'))]);
    expect(outcomes[0]).toMatchObject({ kind: 'added', message: expect.stringContaining('newer report for this set') });
    expect(cohort.reports).toHaveLength(2);
    const row = cohortTable(cohort, sampleCatalog(), '2026-11-25').rows[0]!;
    expect(row.cells.get('cache-aside-get-task')!.status).toBe('passed');
  });

  it('refuses foreign and damaged files with a message naming what is wrong, and keeps what was there', async () => {
    const before = await imported(file('ada.json', ada()));
    const damaged = ada() as unknown as { exercises: Array<Record<string, unknown>> };
    damaged.exercises[1]!.attempts = 'many';
    const { cohort, outcomes } = await importReports(before, [
      { name: 'notes.txt', text: 'hello' },
      file('package.json', '{"name":"x"}'),
      file('set.json', sampleSet() as unknown as ReportFile),
      file('future.json', { ...ada(), version: 2 } as unknown as ReportFile),
      file('damaged.json', damaged as unknown as ReportFile),
    ]);
    expect(outcomes.map((o) => o.kind)).toEqual(['refused', 'refused', 'refused', 'refused', 'refused']);
    expect(outcomes[0]!.message).toMatch(/^"notes\.txt" is not a JSON file/);
    expect(outcomes[1]!.message).toContain(
      '"package.json" is not a Backend Workbook progress report: it has no "format": "backend-workbook/progress-report" field',
    );
    expect(outcomes[2]!.message).toContain(
      '"set.json" is not a Backend Workbook progress report: it is an exercise set',
    );
    expect(outcomes[3]!.message).toContain('newer workbook (progress report version 2');
    expect(outcomes[4]!.message).toMatch(
      /"damaged\.json" is a damaged progress report: field "exercises\[1\]\.attempts"/,
    );
    expect(cohort.reports).toEqual(before.reports);
  });

  it('refuses an oversized file before parsing it', async () => {
    const { outcomes } = await importReports(emptyCohort(), [
      { name: 'huge.json', text: ' '.repeat(MAX_REPORT_CHARS + 1) },
    ]);
    expect(outcomes[0]).toMatchObject({
      kind: 'refused',
      message: expect.stringMatching(/^"huge\.json" is 4\.0 MB; a progress report is at most 4\.0 MB/),
    });
  });
});

describe('cohortTable', () => {
  it('lays out interns × exercises with status, due dates and overdue marks', async () => {
    const table = cohortTable(
      await imported(file('ada.json', ada()), file('bob.json', bob())),
      sampleCatalog(),
      '2026-11-25',
    );
    expect(table.columns.map((c) => c.id)).toEqual([
      'cqrs-create-task-handler',
      'task-entity-complete',
      'cache-aside-get-task',
    ]);
    expect(table.rows.map((r) => r.intern.name)).toEqual(['Ada Intern', 'Bob Builder']);
    const [a, b] = table.rows;
    expect(a!.cells.get('task-entity-complete')).toMatchObject({
      status: 'passed',
      attempts: 3,
      due: '2026-11-20',
      overdue: false,
    });
    expect(b!.cells.get('task-entity-complete')).toMatchObject({ status: 'not-started', overdue: true });
    expect(b!.cells.get('cqrs-create-task-handler')).toMatchObject({ due: '2026-12-04', overdue: false });
  });

  it('shows an exercise this workbook does not have as an unknown column instead of dropping it', async () => {
    const report = ada();
    report.set = { ...report.set, exercises: [...report.set.exercises, { id: 'mystery-exercise' }] };
    report.exercises.push({
      id: 'mystery-exercise',
      status: 'passed',
      attempts: 1,
      hintsUsed: 0,
      solutionViewed: false,
      files: { 'x.ts': '1' },
    });
    const table = cohortTable(await imported(file('ada.json', report)), sampleCatalog(), '2026-11-25');
    const unknown = table.columns.find((c) => c.id === 'mystery-exercise');
    expect(unknown).toEqual({ id: 'mystery-exercise' });
    expect(table.rows[0]!.cells.get('mystery-exercise')!.status).toBe('passed');
  });

  it('counts per-competency progress over assigned known exercises', async () => {
    const table = cohortTable(
      await imported(file('ada.json', ada()), file('bob.json', bob())),
      sampleCatalog(),
      '2026-11-25',
    );
    expect(competencyProgress(table)).toEqual([
      { competency: 'clean-architecture', passed: 1, total: 2 },
      { competency: 'cqrs', passed: 0, total: 2 },
      { competency: 'events', passed: 0, total: 2 },
      { competency: 'caching', passed: 0, total: 2 },
      { competency: 'tdd', passed: 1, total: 2 },
    ]);
    expect(competencyProgress(table, 'email:bob@example.com').find((c) => c.competency === 'tdd')).toEqual({
      competency: 'tdd',
      passed: 0,
      total: 1,
    });
    expect(competencyProgress(table, 'name:nobody')).toEqual([]);
    // A claimed pass that re-grading found mismatched no longer counts.
    table.rows[0]!.cells.get('task-entity-complete')!.verdict = {
      verdict: 'mismatched',
      claimed: 'passed',
      regraded: 'failed',
      message: 'x',
      checkedAt: '2026-11-25T00:00:00.000Z',
    };
    expect(competencyProgress(table).find((c) => c.competency === 'tdd')).toEqual({
      competency: 'tdd',
      passed: 0,
      total: 2,
    });
  });
});

describe('hostile or broken imports', () => {
  it('refuses a 150,000-item list at once with a message, and the rest of the batch still imports', async () => {
    const huge = JSON.stringify({ ...ada(), exercises: Array(150_000).fill(0) });
    const started = Date.now();
    const { cohort, outcomes } = await importReports(emptyCohort(), [file('huge.json', huge), file('bob.json', bob())]);
    expect(Date.now() - started).toBeLessThan(500);
    expect(outcomes[0]).toMatchObject({
      kind: 'refused',
      message: expect.stringContaining('lists 150000 exercises; a progress report holds at most 200'),
    });
    expect(outcomes[1]!.kind).toBe('added');
    expect(cohort.reports.map((r) => r.fileName)).toEqual(['bob.json']);
  });

  it('refuses a file that crashes while being processed, and never blocks the other files', async () => {
    const digest = vi
      .spyOn(crypto.subtle, 'digest')
      .mockRejectedValueOnce(new RangeError('Maximum call stack size exceeded'));
    try {
      const { outcomes } = await importReports(emptyCohort(), [file('ada.json', ada()), file('bob.json', bob())]);
      expect(outcomes[0]).toMatchObject({
        kind: 'refused',
        message: expect.stringContaining('Maximum call stack size exceeded'),
      });
      expect(outcomes[1]!.kind).toBe('added');
    } finally {
      digest.mockRestore();
    }
  });

  it('refuses code the grader would refuse (over 256 KB for one exercise)', async () => {
    const big = ada();
    big.exercises[0]!.files = { 'src/big.ts': 'x'.repeat(300 * 1024) };
    const { outcomes } = await importReports(emptyCohort(), [file('big.json', big)]);
    expect(outcomes[0]).toMatchObject({
      kind: 'refused',
      message: expect.stringMatching(/code for "task-entity-complete"; the grader accepts at most 256 KB/),
    });
  });

  it('refuses a report dated in the future', async () => {
    const { outcomes } = await importReports(
      emptyCohort(),
      [file('later.json', ada('2027-01-01T00:00:00Z'))],
      at('2026-11-25T00:00:00Z'),
    );
    expect(outcomes[0]).toMatchObject({ kind: 'refused', message: expect.stringContaining('dated in the future') });
  });

  it('flags two reports that claim the same intern but cannot both be theirs', async () => {
    const other = ada('2026-11-23T09:00:00Z');
    other.exercises[0] = { ...other.exercises[0]!, status: 'attempted', attempts: 1 };
    const { cohort, outcomes } = await importReports(await imported(file('ada.json', ada())), [
      file('impostor.json', other),
    ]);
    expect(outcomes[0]).toMatchObject({ kind: 'added', flag: expect.stringContaining('Two reports claim Ada Intern') });
    expect(cohortTable(cohort, sampleCatalog(), '2026-11-25').rows[0]!.conflict).toContain(
      '"task-entity-complete" has 1 attempt(s) after 3',
    );
    // A genuine later export (more done, never less) is not flagged.
    const later = ada('2026-11-23T09:00:00Z');
    later.exercises[1] = { ...later.exercises[1]!, attempts: 5 };
    const honest = await importReports(await imported(file('ada.json', ada())), [file('later.json', later)]);
    expect(honest.outcomes[0]).not.toHaveProperty('flag');
    expect(cohortTable(honest.cohort, sampleCatalog(), '2026-11-25').rows[0]!.conflict).toBeUndefined();
  });

  it('says "not saved" for every file read when the cohort could not be saved', async () => {
    const { outcomes } = await importReports(emptyCohort(), [file('ada.json', ada()), { name: 'x.txt', text: 'x' }]);
    const unsaved = notSaved(outcomes, 'storage is full');
    expect(unsaved[0]).toMatchObject({
      kind: 'unsaved',
      message: expect.stringMatching(/^Not saved: "ada\.json".*storage is full/),
    });
    expect(unsaved[0]!.message).not.toContain('Imported');
    expect(unsaved[1]!.kind).toBe('refused');
  });

  it('handles an exercise id such as "constructor" as data, never as a built-in', async () => {
    const set = { ...sampleSet(), exercises: [...sampleSet().exercises, { id: 'constructor' }] };
    const report = buildReport({
      intern: { name: 'Ada Intern' },
      set,
      progress: sampleProgress(),
      now: at('2026-11-21T09:00:00Z'),
    });
    expect(report.exercises.at(-1)).toEqual({
      id: 'constructor',
      status: 'not-started',
      attempts: 0,
      hintsUsed: 0,
      solutionViewed: false,
      files: {},
    });
    const table = cohortTable(
      await imported(file('ada.json', report), file('bob.json', bob())),
      sampleCatalog(),
      '2026-11-25',
    );
    expect(table.columns.find((c) => c.id === 'constructor')?.entry).toBeUndefined();
    expect(table.rows.find((r) => r.intern.name === 'Bob Builder')!.cells.get('constructor')).toBeUndefined();
    expect(cohortCsv(table)).toContain('"Ada Intern","","Week 1 basics","constructor","","unknown","not-started"');
  });
});

describe('CSV export', () => {
  it('writes one line per intern and exercise, every cell quoted', async () => {
    const q = (line: string) =>
      line
        .split(',')
        .map((c) => `"${c}"`)
        .join(',');
    const table = cohortTable(
      await imported(file('ada.json', ada()), file('bob.json', bob())),
      sampleCatalog(),
      '2026-11-25',
    );
    const lines = cohortCsv(table).split('\r\n');
    expect(lines[0]).toBe(
      q(
        'Intern,Email,Set,Exercise,Title,Known,Status,Attempts,Hints used,Solution viewed,Passed at,Due,Overdue,Re-grade,Re-grade detail',
      ),
    );
    expect(lines).toHaveLength(1 + 6 + 1);
    expect(lines).toContain(
      q(
        'Ada Intern,,Week 1 basics,task-entity-complete,Complete a task,yes,passed,3,1,no,2026-11-19T10:00:00.000Z,2026-11-20,no,,',
      ),
    );
    expect(lines).toContain(
      q(
        'Bob Builder,bob@example.com,Week 1 basics,task-entity-complete,Complete a task,yes,not-started,0,0,no,,2026-11-20,yes,,',
      ),
    );
  });

  it('quotes every cell and defuses spreadsheet formulas', () => {
    expect(csvCell('plain')).toBe('"plain"');
    expect(csvCell('')).toBe('""');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"\nthere')).toBe('"say ""hi""\nthere"');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvCell(`${start}1`), JSON.stringify(start)).toBe(`"'${start}1"`);
    expect(csvCell('a - b')).toBe('"a - b"');
  });

  it('leaves no formula whichever separator the spreadsheet assumes (comma, semicolon, tab)', async () => {
    const hostile = ["x;=cmd|'/C calc'!A0", 'y\t@SUM(1)', 'z,+1', '"=1+1', 'w;"-2'];
    const report = buildReport({
      intern: { name: hostile[0]!, email: 'e@example.com' },
      set: { ...sampleSet(), title: hostile.slice(1).join('') },
      progress: sampleProgress(),
      now: at('2026-11-21T09:00:00Z'),
    });
    const csv = cohortCsv(cohortTable(await imported(file('h.json', report)), sampleCatalog(), '2026-11-25'));
    for (const separator of [',', ';', '\t']) {
      // A spreadsheet that ignores our quoting splits on its own separator; every piece must stay inert.
      for (const line of csv.split(/\r\n|\n|\r/)) {
        for (const piece of line.split(separator)) {
          expect(piece.replace(/^"+/, ''), `${JSON.stringify(separator)}: ${piece}`).not.toMatch(/^[=+\-@\t\r]/);
        }
      }
    }
    expect(csv.split('\r\n')[1]!.startsWith('"x;\'=cmd')).toBe(true);
  });
});

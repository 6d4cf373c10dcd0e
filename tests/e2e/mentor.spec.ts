// Mentor tools end to end: a mentor builds a set, an intern opens the link, passes an exercise and
// exports a report; the mentor imports it, re-grades through the real local grader and sees it
// verified, while a hand-edited report claiming a pass shows as mismatched.
import { readFileSync, writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import path from 'node:path';
import { loadExercise } from '../../src/catalog/load.ts';
import type { Page } from '@playwright/test';
import { expect, isLocal, seriousViolations, test } from './fixtures.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
interface Manifest {
  id: string;
  title: string;
  files: Array<{ path: string; editable: boolean }>;
}
const manifest = (id: string) =>
  JSON.parse(readFileSync(path.join(root, 'exercises', id, 'exercise.json'), 'utf8')) as Manifest;
const editableFiles = (dir: 'exercises' | 'solutions', id: string) => {
  const exercise = loadExercise(root, id);
  return dir === 'solutions' ? exercise.solution : exercise.starter;
};

// Two pure exercises (no database or Redis needed): the intern passes the first and leaves the second.
const PASSED = manifest('task-entity-complete');
const UNTOUCHED = manifest('capacity-estimator');

/** The intern's code reaches the page the way autosave leaves it: in the saved progress. */
async function saveCode(page: Page, id: string, files: Record<string, string>): Promise<void> {
  await page.evaluate(
    ({ id, files }) => {
      const raw = localStorage.getItem('workbook:progress');
      const progress = raw ? JSON.parse(raw) : { version: 1, exercises: {} };
      progress.exercises[id] = {
        files,
        status: 'not-started',
        attempts: 0,
        hintsUsed: 0,
        solutionViewed: false,
        updatedAt: new Date().toISOString(),
      };
      localStorage.setItem('workbook:progress', JSON.stringify(progress));
    },
    { id, files },
  );
}

test('mentor builds a set, intern passes and reports, mentor re-grades: verified, and a forged pass is mismatched', async ({
  context: mentor,
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(120_000);
  // Two people with separate storage on the same server: the mentor in the guarded default context,
  // the intern in a second one with the same offline guard.
  const intern = await browser.newContext({ ...(baseURL ? { baseURL } : {}), acceptDownloads: true });
  const foreign: string[] = [];
  intern.on('request', (request) => {
    if (!isLocal(request.url())) foreign.push(request.url());
  });
  await intern.route(
    (url) => !isLocal(url.href),
    (route) => route.abort('blockedbyclient'),
  );
  try {
    // ---- Mentor: build the set.
    const m = await mentor.newPage();
    await m.goto('/mentor/');
    await m.getByRole('button', { name: 'Create link' }).click();
    await expect(m.getByRole('alert')).toContainText('Set title');
    await m.getByLabel('Set title').fill('Week 1 warm-up');
    await m.getByLabel('Your name').fill('Dana Mentor');
    await m.getByLabel('Notes for the intern (optional)').fill('Finish the entity first.');
    await m.getByRole('checkbox', { name: PASSED.title }).check();
    await m.getByLabel(`Due date for ${PASSED.title}`).fill('2099-12-31');
    await m.getByRole('checkbox', { name: UNTOUCHED.title }).check();
    await m.getByLabel(`Due date for ${UNTOUCHED.title}`).fill('2020-01-15');
    await m.getByRole('button', { name: 'Create link' }).click();
    const link = await m.getByRole('textbox', { name: 'Assignment link' }).inputValue();
    expect(link).toMatch(/\/assign\/#set=v1\./);
    expect(await seriousViolations(m)).toEqual([]);

    // ---- Intern: open the link, see the assignment on home with done / total and overdue.
    const i = await intern.newPage();
    await i.goto(link);
    await expect(i.getByRole('status')).toContainText(
      'Added to your assignments: "Week 1 warm-up" from Dana Mentor, 2 exercise(s).',
    );
    await i.goto('/');
    const assignment = i.getByRole('listitem').filter({ has: i.getByRole('heading', { name: 'Week 1 warm-up' }) });
    await expect(assignment).toContainText('0 / 2 done');
    await expect(assignment).toContainText('1 overdue');
    expect(await seriousViolations(i)).toEqual([]);

    // ---- Intern: write the solution, run the checks in the exercise page, pass.
    await saveCode(i, PASSED.id, editableFiles('solutions', PASSED.id));
    await i.goto(`/exercises/${PASSED.id}/`);
    await i.getByRole('button', { name: 'Run checks' }).click();
    // The summary names the failure if the grader cannot run, so a broken grader reads clearly here.
    await expect(i.getByRole('region', { name: 'Check results' }).getByRole('status').first()).toHaveText(
      /^All \d+ checks passed\b/,
      { timeout: 60_000 },
    );

    // ---- Intern: export the report from home.
    await i.goto('/');
    await expect(assignment).toContainText('1 / 2 done');
    await i.getByLabel('Your name').fill('Ada Intern');
    const downloading = i.waitForEvent('download');
    await i.getByRole('button', { name: 'Export report for Week 1 warm-up' }).click();
    const download = await downloading;
    const reportPath = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(reportPath);
    const report = JSON.parse(readFileSync(reportPath, 'utf8'));
    expect(report).toMatchObject({
      format: 'backend-workbook/progress-report',
      version: 1,
      intern: { name: 'Ada Intern' },
      set: { title: 'Week 1 warm-up' },
    });
    expect(report.exercises[0]).toMatchObject({
      id: PASSED.id,
      status: 'passed',
      attempts: 1,
      files: editableFiles('solutions', PASSED.id),
    });
    expect(report.exercises[0].lastReport.status).toBe('passed');

    // A hand-edited copy: another name, and the untouched exercise claimed as passed with the starter code.
    const forged = structuredClone(report);
    forged.intern = { name: 'Mallory Intern' };
    forged.exercises[1] = {
      ...forged.exercises[1],
      status: 'passed',
      attempts: 1,
      passedAt: report.exportedAt,
      files: editableFiles('exercises', UNTOUCHED.id),
    };
    // …and an exercise this workbook does not have: shown as unknown, not dropped.
    forged.set.exercises.push({ id: 'exercise-from-elsewhere' });
    forged.exercises.push({
      id: 'exercise-from-elsewhere',
      status: 'passed',
      attempts: 2,
      hintsUsed: 0,
      solutionViewed: false,
      files: {},
    });
    const forgedPath = testInfo.outputPath('forged.json');
    writeFileSync(forgedPath, JSON.stringify(forged));
    const junkPath = testInfo.outputPath('notes.txt');
    writeFileSync(junkPath, 'not a report');

    // ---- Mentor: import (picker), refuse junk, re-grade.
    await m.goto('/mentor/dashboard/');
    await m.getByLabel('Choose report files').setInputFiles([reportPath, forgedPath, junkPath]);
    await expect(m.getByText(/^Imported Ada Intern — Week 1 warm-up/)).toBeVisible();
    await expect(m.getByText(/^Imported Mallory Intern/)).toBeVisible();
    await expect(m.getByText(/^Refused: "notes\.txt" is not a JSON file/)).toBeVisible();

    const table = m.getByRole('region', { name: 'Interns and exercises' }).getByRole('table');
    const cell = (who: string, exercise: Manifest) => {
      const row = table.getByRole('row').filter({ has: m.getByRole('rowheader', { name: who }) });
      return row.locator(`td[data-exercise="${exercise.id}"]`);
    };
    await expect(table.getByRole('columnheader', { name: new RegExp(PASSED.title) })).toBeVisible();
    await expect(cell('Ada Intern', PASSED)).toContainText('Passed');
    await expect(cell('Ada Intern', UNTOUCHED)).toContainText('overdue');
    await expect(table.getByRole('columnheader', { name: /Unknown exercise: exercise-from-elsewhere/ })).toBeVisible();
    await expect(cell('Mallory Intern', { id: 'exercise-from-elsewhere', title: '', files: [] })).toContainText(
      'unknown exercise',
    );
    await expect(m.getByRole('img', { name: /Progress per competency/ })).toBeVisible();
    await m.getByLabel('Show progress for').selectOption({ label: 'Ada Intern' });
    await expect(m.getByRole('img', { name: /Progress per competency/ })).toHaveAccessibleName(
      /Performance: 0 of 1 passed/,
    );

    await m.getByRole('button', { name: 'Re-grade', exact: true }).click();
    await expect(m.getByRole('status').filter({ hasText: 'Re-grade finished' })).toBeVisible({ timeout: 90_000 });
    await expect(cell('Ada Intern', PASSED)).toContainText('verified');
    await expect(cell('Mallory Intern', PASSED)).toContainText('verified');
    await expect(cell('Mallory Intern', UNTOUCHED)).toContainText(
      /mismatched: The report claims a pass, but the checks say failed/,
    );
    await expect(m.getByRole('button', { name: 'Stop re-grading' })).toBeHidden();

    // ---- Same report again, by drag and drop: not counted twice; verdicts survive a reload.
    const dataTransfer = await m.evaluateHandle(
      (text) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], 'ada-again.json', { type: 'application/json' }));
        return dt;
      },
      readFileSync(reportPath, 'utf8'),
    );
    await m.getByRole('region', { name: 'Import reports' }).dispatchEvent('drop', { dataTransfer });
    await expect(m.getByText(/"ada-again\.json" is already imported/)).toBeVisible();
    await m.reload();
    await expect(table.getByRole('row')).toHaveCount(3);
    await m.getByText('Every imported report (2)').click();
    await expect(m.getByRole('row', { name: /^forged\.json Mallory Intern Week 1 warm-up/ })).toContainText('yes');
    await expect(cell('Mallory Intern', UNTOUCHED)).toContainText('mismatched');
    expect(await seriousViolations(m)).toEqual([]);

    // ---- CSV export.
    const csvDownload = m.waitForEvent('download');
    await m.getByRole('button', { name: 'Export CSV' }).click();
    const csvPath = testInfo.outputPath('cohort.csv');
    await (await csvDownload).saveAs(csvPath);
    const csv = readFileSync(csvPath, 'utf8').split('\r\n');
    // Every cell is quoted (safe whatever separator the spreadsheet assumes).
    expect(csv[0]).toMatch(/^"Intern","Email","Set","Exercise"/);
    expect(csv.find((l) => l.startsWith(`"Mallory Intern","","Week 1 warm-up","${UNTOUCHED.id}",`))).toContain(
      ',"mismatched",',
    );
    expect(foreign, "the intern's pages must make no request outside loopback").toEqual([]);
  } finally {
    await intern.close();
  }
});

test('a damaged link says what is wrong', async ({ page }) => {
  await page.goto('/assign/#set=v1.AAAA');
  await expect(page.getByRole('alert')).toContainText('cut off or damaged');
});

test('a set given as a file is added; a file of another kind is refused by name', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.getByText('No assignments yet.')).toBeVisible();
  await expect(page.getByLabel('Your name')).toBeHidden();
  await page.goto('/assign/');
  await expect(page.getByRole('alert')).toContainText('This link carries no assignment');
  const wrong = testInfo.outputPath('report.json');
  writeFileSync(wrong, JSON.stringify({ format: 'backend-workbook/progress-report', version: 1 }));
  await page.getByLabel('Open a set file').setInputFiles(wrong);
  await expect(page.getByRole('alert')).toContainText(
    '"report.json" is not a Backend Workbook exercise set: it is a progress report',
  );
  await page.getByLabel('Open a set file').setInputFiles(path.join(root, 'sets', 'phase-1-week-1.json'));
  await expect(page.getByRole('status')).toContainText(/^Added to your assignments: "Phase 1 · Week 1/);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: /Phase 1 · Week 1/ })).toBeVisible();
});

/** The link format of src/mentor/set-link.ts: `#set=v1.<base64url of deflate-raw JSON>`. */
const linkFor = (set: object) =>
  `/assign/#set=v1.${deflateRawSync(Buffer.from(JSON.stringify(set))).toString('base64url')}`;

test('a link that would replace an assignment asks first and shows what changes; a second link in the same tab is processed', async ({
  page,
}) => {
  const first = JSON.parse(readFileSync(path.join(root, 'sets', 'phase-1-week-1.json'), 'utf8')) as {
    title: string;
    exercises: Array<{ id: string }>;
  };
  const second = { ...first, title: `${first.title} (revised)`, exercises: first.exercises.slice(1) };
  const savedTitle = () =>
    page.evaluate(
      () =>
        JSON.parse(localStorage.getItem('workbook:assignments') ?? '{}').assignments?.[0]?.set.title as
          | string
          | undefined,
    );
  await page.goto(linkFor(first));
  await expect(page.getByRole('status')).toContainText('Added to your assignments');
  // Pasting another link into the same tab changes only the fragment: no page load.
  await page.goto(linkFor(second));
  await expect(page.getByText('This link would replace it. Check what changes:')).toBeVisible();
  const changes = page.getByRole('list', { name: 'What changes' });
  await expect(changes).toContainText(`Title: "${first.title}" → "${second.title}"`);
  await expect(changes).toContainText(`Removed: ${first.exercises[0]!.id}`);
  expect(await savedTitle()).toBe(first.title); // nothing replaced before the intern agrees
  await page.getByRole('button', { name: 'Keep the one I have' }).click();
  await expect(page.getByRole('status')).toContainText(`Kept your assignment "${first.title}"`);
  expect(await savedTitle()).toBe(first.title);
  await page.goto(linkFor(first));
  await expect(page.getByRole('status')).toContainText('Already in your assignments');
  await page.goto(linkFor(second));
  await page.getByRole('button', { name: 'Replace my assignment' }).click();
  await expect(page.getByRole('status')).toContainText(`Updated in your assignments: "${second.title}"`);
  expect(await savedTitle()).toBe(second.title);
});

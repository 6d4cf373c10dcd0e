// A hostile report end to end: its "passing" code reads a file outside the workspace, and another
// exercise's code reaches for the test runner to forge a pass. The mentor imports it and re-grades
// through the real local grader (purpose 'regrade': a fresh sandbox, or a refusal). Whatever this
// machine offers, the dashboard must never show either claim as verified; with bubblewrap (as on
// these machines) the first is marked with what the code tried.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadExercise } from '../../src/catalog/load.ts';
import { expect, test } from './fixtures.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
interface Manifest {
  id: string;
  title: string;
  files: Array<{ path: string; editable: boolean }>;
}
const manifest = (id: string) =>
  JSON.parse(readFileSync(path.join(root, 'exercises', id, 'exercise.json'), 'utf8')) as Manifest;
const editable = (id: string) => manifest(id).files.find((f) => f.editable)!.path;
const solution = (id: string) => loadExercise(root, id).solution[editable(id)] ?? '';

const READER = manifest('task-entity-complete');
const FORGER = manifest('capacity-estimator');

// The reference answer, plus a read of a file no check needs: the code would pass if it could read it.
const reads = `import { readFileSync as peek } from 'node:fs';\nexport const stolen = peek('/etc/passwd', 'utf8').length;\n${solution(READER.id)}`;
// No answer at all, plus an attempt to make every expectation pass by patching the runner's assertions.
const forges = `import { expect } from 'vitest';\n(expect as unknown as { extend(m: object): void }).extend({ toBe: () => ({ pass: true, message: () => '' }), toEqual: () => ({ pass: true, message: () => '' }) });\nexport {};\n`;

const exercise = (id: string, files: Record<string, string>) => ({
  id,
  status: 'passed',
  attempts: 1,
  hintsUsed: 0,
  solutionViewed: false,
  passedAt: '2026-12-01T10:00:00.000Z',
  files,
});
const report = {
  format: 'backend-workbook/progress-report',
  version: 1,
  intern: { name: 'Eve Intern' },
  set: {
    format: 'backend-workbook/exercise-set',
    version: 1,
    id: 'hostile-set',
    title: 'Hostile set',
    mentor: 'Dana Mentor',
    exercises: [{ id: READER.id }, { id: FORGER.id }],
  },
  exportedAt: '2026-12-01T11:00:00.000Z',
  exercises: [
    exercise(READER.id, { [editable(READER.id)]: reads }),
    exercise(FORGER.id, { [editable(FORGER.id)]: forges }),
  ],
};

test('a hostile report is never shown verified after a re-grade', async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  const file = testInfo.outputPath('eve.json');
  writeFileSync(file, JSON.stringify(report));
  await page.goto('/mentor/dashboard/');
  await page.getByLabel('Choose report files').setInputFiles(file);
  await expect(page.getByText(/^Imported Eve Intern — Hostile set/)).toBeVisible();

  await page.getByRole('button', { name: 'Re-grade', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Re-grade finished' })).toBeVisible({ timeout: 120_000 });
  const table = page.getByRole('region', { name: 'Interns and exercises' }).getByRole('table');
  const cell = (m: Manifest) =>
    table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: /Eve Intern/ }) })
      .locator(`td[data-exercise="${m.id}"]`);
  for (const m of [READER, FORGER]) {
    await expect(cell(m).locator('[class^="verdict-"]')).toBeVisible();
    await expect(cell(m).locator('.verdict-verified')).toHaveCount(0);
  }
  // With a sandbox on this machine the read is refused and named; without one the grader refuses to re-grade.
  const reader = cell(READER);
  await expect(reader.locator('.verdict-tampered, .verdict-unverified')).toBeVisible();
  if (await reader.locator('.verdict-tampered').count()) {
    await expect(reader).toContainText(/re-grade refused: read outside the workspace/);
    await expect(reader).toContainText('re-grade: bubblewrap sandbox');
  } else {
    await expect(reader).toContainText(/Not re-graded/);
  }
  // Patching the runner's assertions forges nothing: the checks still fail (or the attempt is named).
  await expect(cell(FORGER).locator('.verdict-mismatched, .verdict-tampered')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Re-grade finished' })).toContainText('0 verified');
});

// A test-first (tdd) exercise in the page with the local grader, both stages end to end: stage 2 is
// locked and says why, the spec passes stage 1 (against the reference and every mutant), stage 2
// opens on the implementation, and the implementation passes the learner's spec and the hidden checks.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { loadExercise } from '../../src/catalog/load.ts';
import { expect, seriousViolations, test } from './fixtures.ts';

const ID = 'tdd-retry-schedule';
const SPEC = 'src/infrastructure/queue/retry-schedule.spec.ts';
const IMPL = 'src/infrastructure/queue/retry-schedule.ts';
const exercise = loadExercise(join(import.meta.dirname, '..', '..'), ID);

/** Replaces one file's content through Monaco, as a learner pasting code would. */
async function setCode(page: Page, tab: string, code: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((text) => navigator.clipboard.writeText(text), code);
  await page.getByRole('tab', { name: tab, exact: true }).click();
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
}

const results = (page: Page) => page.getByRole('region', { name: 'Check results' });
const stages = (page: Page) => page.getByRole('navigation', { name: 'Stages of this test-first exercise' });
const stageMessage = (page: Page) => stages(page).getByRole('status');

test.describe('a test-first exercise', () => {
  // Stage 1 grades the spec against the reference and eleven mutants; the machine may be busy.
  test.describe.configure({ timeout: 180_000 });

  test('goes through both stages: spec first, then the implementation', async ({ page }) => {
    const graded: unknown[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/grade')) graded.push(request.postDataJSON()?.stage);
    });
    await page.goto(`/exercises/${ID}/`);
    // The instructions are long: the exercise loads when the learner scrolls to it.
    await page.locator('workbook-exercise').scrollIntoViewIfNeeded();
    await expect(page.locator('workbook-exercise[data-ready]')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText('Checks run on: Local grader (npm start).')).toBeVisible({ timeout: 30_000 });
    const stage1 = stages(page).getByRole('button', { name: '1 Write the spec' });
    const stage2 = stages(page).getByRole('button', { name: '2 Make it pass' });
    await expect(stage1).toHaveAttribute('aria-current', 'step');
    await expect(stage2).toHaveAttribute('aria-disabled', 'true');
    await expect(stages(page)).toContainText('locked until your spec passes');
    // The spec's tab comes first.
    await expect(page.getByRole('tab', { name: 'retry-schedule.spec.ts' })).toHaveAttribute('aria-selected', 'true');
    expect(await seriousViolations(page)).toEqual([]);

    // Stage 2 before the spec passed: the page says why and stays on stage 1.
    // aria-disabled announces the lock but keeps the button clickable, so the click can say why
    // (Playwright waits for aria-disabled elements to become enabled unless forced).
    await stage2.click({ force: true });
    await expect(stageMessage(page)).toContainText('Stage 2 opens once your spec passes stage 1');
    await expect(stage1).toHaveAttribute('aria-current', 'step');

    // The starter's empty spec does not pass stage 1; stage 2 stays locked.
    await page.getByRole('button', { name: 'Run checks' }).click();
    await expect(results(page).getByText('Your spec has no tests yet')).toBeVisible({ timeout: 60_000 });
    await expect(stage2).toHaveAttribute('aria-disabled', 'true');

    // A spec that holds for the reference and kills every mutant passes stage 1 and opens stage 2.
    await setCode(page, 'retry-schedule.spec.ts', exercise.solution[SPEC] ?? '');
    await page.getByRole('button', { name: 'Run checks' }).click();
    await expect(results(page).getByText(/^All \d+ checks passed\.$/)).toBeVisible({ timeout: 120_000 });
    await expect(results(page)).toContainText('kills the mutant: the wait grows by baseDelayMs each retry');
    await expect(stageMessage(page)).toContainText('Your spec passes stage 1');
    await expect(stage2).toHaveAttribute('aria-disabled', 'false');
    await expect(stage2).toHaveAttribute('aria-current', 'step');
    await expect(page.getByRole('tab', { name: 'retry-schedule.ts', exact: true })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(page.locator('.progress-badge').first()).toHaveText('Spec passed');

    // Stage 2: the implementation passes the learner's own spec and the hidden checks.
    await setCode(page, 'retry-schedule.ts', exercise.solution[IMPL] ?? '');
    await page.getByRole('button', { name: 'Run checks' }).click();
    await expect(results(page).getByText(/^All \d+ checks passed\.$/)).toBeVisible({ timeout: 60_000 });
    await expect(results(page)).toContainText('your implementation passes your own spec');
    await expect(stageMessage(page)).toContainText('Both stages passed');
    await expect(page.locator('.progress-badge').first()).toHaveText('Passed');
    expect(graded).toEqual(['spec', 'spec', 'implementation']);

    // Both stages' results are kept; a reload opens stage 2.
    const saved = await page.evaluate(
      (id) => JSON.parse(localStorage.getItem('workbook:progress') ?? '{}').exercises?.[id],
      ID,
    );
    expect(saved.status).toBe('passed');
    expect(saved.stages.spec.status).toBe('passed');
    expect(saved.stages.implementation.status).toBe('passed');
    await page.reload();
    await page.locator('workbook-exercise').scrollIntoViewIfNeeded();
    await expect(page.locator('workbook-exercise[data-ready]')).toBeVisible({ timeout: 20_000 });
    await expect(stages(page).getByRole('button', { name: '2 Make it pass' })).toHaveAttribute('aria-current', 'step');
  });
});

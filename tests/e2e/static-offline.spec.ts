// The built site on a plain static server (no grading API, no COOP/COEP): checks run in the browser
// engine, keep running with the network off after one visit, and a run that never ends is stopped
// at the time limit without breaking the next one.
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { createStaticServer, listen } from '../../scripts/static-server.ts';
import { loadExercise } from '../../src/catalog/load.ts';
import { expect, test } from './fixtures.ts';

const ID = 'task-entity-complete';
const FILE = 'src/domain/task/task.entity.ts';
const root = join(import.meta.dirname, '..', '..');
const dist = resolve(root, process.env['WORKBOOK_DIST'] ?? 'dist');
const starter = readFileSync(join(root, 'exercises', ID, FILE), 'utf8');
const solution = loadExercise(root, ID).solution[FILE] ?? '';
const endless = starter.replace(
  "throw new Error('complete() is not implemented yet');",
  'while (now) { /* never ends */ }',
);

let server: Server;
let origin: string;
test.beforeAll(async () => {
  server = createStaticServer(dist);
  origin = await listen(server, 0);
});
test.afterAll(() => server?.close());

async function openExercise(page: Page): Promise<void> {
  await page.goto(`${origin}/exercises/${ID}/`);
  await expect(page.locator('workbook-exercise[data-ready]')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('Checks run on: In-browser grader (Web Worker).')).toBeVisible();
}

/** Replaces the editable file's content through Monaco, as a learner pasting code would. */
async function setCode(page: Page, code: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((text) => navigator.clipboard.writeText(text), code);
  await page.getByRole('tab', { name: 'task.entity.ts' }).click();
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
}

const results = (page: Page) => page.getByRole('region', { name: 'Check results' });
const run = (page: Page) => page.getByRole('button', { name: 'Run checks' }).click();

test.describe('static hosting: the browser engine', () => {
  test.describe.configure({ timeout: 150_000 });

  test('fail, fix, pass; then offline: reload and grade again', async ({ page, context }) => {
    await openExercise(page);
    await run(page);
    await expect(results(page).getByText(/^0 of \d+ checks passed/)).toBeVisible({ timeout: 20_000 });
    await setCode(page, solution);
    await run(page);
    await expect(results(page).getByText(/^All \d+ checks passed\.$/)).toBeVisible({ timeout: 20_000 });

    // One visit is enough: the service worker has precached the site.
    await expect(page.getByRole('status').filter({ hasText: 'Available offline' })).toBeVisible({ timeout: 60_000 });
    await context.setOffline(true);
    await page.reload();
    await openExercise(page);
    await setCode(page, starter);
    await run(page);
    await expect(results(page).getByText(/^0 of \d+ checks passed/)).toBeVisible({ timeout: 20_000 });
    await setCode(page, solution);
    await run(page);
    await expect(results(page).getByText(/^All \d+ checks passed\.$/)).toBeVisible({ timeout: 20_000 });
    await context.setOffline(false);
  });

  test('an infinite loop ends as a timeout, and the next run works', async ({ page }) => {
    await openExercise(page);
    await setCode(page, endless);
    await run(page);
    await expect(results(page).getByText(/did not finish within 5 s/)).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('button', { name: 'Run checks' })).toBeEnabled();
    await setCode(page, solution);
    await run(page);
    await expect(results(page).getByText(/^All \d+ checks passed\.$/)).toBeVisible({ timeout: 20_000 });
  });

  test('a syntax error is reported with file and line, and no check is listed as failed', async ({ page }) => {
    await openExercise(page);
    await setCode(page, `${solution}\nexport const broken = ;\n`);
    await run(page);
    await expect(results(page).getByText(/does not compile: src\/domain\/task\/task\.entity\.ts:\d+/)).toBeVisible({
      timeout: 20_000,
    });
    await expect(results(page).getByText('Failed')).toHaveCount(0);
  });
});

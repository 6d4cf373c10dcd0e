// A build for a sub-path of a static host (`BASE=/workbook/ npm run build`) works there: links,
// the editor, the browser engine and the offline cache all stay under /workbook/, and no request
// falls outside it. Builds its own copy into .workbook/ (the default build serves the root).
import { spawnSync } from 'node:child_process';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { createStaticServer, listen } from '../../scripts/static-server.ts';
import { loadExercise } from '../../src/catalog/load.ts';
import { expect, test } from './fixtures.ts';

const root = join(import.meta.dirname, '..', '..');
const dist = join(root, '.workbook', 'e2e-subpath-dist');
const BASE = '/workbook/';
const solution = loadExercise(root, 'task-entity-complete').solution['src/domain/task/task.entity.ts'] ?? '';

let server: Server;
let origin: string;
test.beforeAll(async () => {
  test.setTimeout(600_000);
  const build = spawnSync('npm', ['run', 'build'], {
    cwd: root,
    env: { ...process.env, BASE, WORKBOOK_DIST: dist },
    encoding: 'utf8',
  });
  if (build.status !== 0)
    throw new Error(`BASE=${BASE} npm run build failed:\n${build.stdout.slice(-3000)}\n${build.stderr.slice(-3000)}`);
  server = createStaticServer(dist, BASE);
  origin = await listen(server, 0);
});
test.afterAll(() => server?.close());

test('a sub-path build: navigate, grade in the browser and cache for offline, all under the sub-path', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const outside: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === origin && !url.pathname.startsWith(BASE)) outside.push(url.pathname);
  });
  const missing: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) missing.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });

  await page.goto(`${origin}${BASE}`);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Exercises' }).click();
  await expect(page).toHaveURL(`${origin}${BASE}exercises/`);
  await page.getByRole('link', { name: 'Complete a task: a rule inside the entity' }).click();
  await expect(page).toHaveURL(`${origin}${BASE}exercises/task-entity-complete/`);
  await expect(page.locator('workbook-exercise[data-ready]')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Checks run on: In-browser grader (Web Worker).')).toBeVisible();

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((text) => navigator.clipboard.writeText(text), solution);
  await page.getByRole('tab', { name: 'task.entity.ts' }).click();
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await page.getByRole('button', { name: 'Run checks' }).click();
  await expect(page.getByRole('region', { name: 'Check results' }).getByText(/^All \d+ checks passed\.$/)).toBeVisible({
    timeout: 20_000,
  });

  await expect(page.getByRole('status').filter({ hasText: 'Available offline' })).toBeVisible({ timeout: 60_000 });
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope)).toBe(
    `${origin}${BASE}`,
  );
  expect(outside, 'requests outside the sub-path').toEqual([]);
  expect(missing, 'failed requests').toEqual([]);
});

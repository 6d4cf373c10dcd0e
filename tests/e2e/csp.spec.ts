// The Content-Security-Policy is a real backstop: the pages' own inline scripts run (allowed by
// hash, server/headers.ts), while any script injected into a page — an inline <script> or an
// on* attribute, e.g. from a report's text escaping its text node — is blocked.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { loadExercise } from '../../src/catalog/load.ts';
import { expect, test } from './fixtures.ts';

/** Records every CSP violation the page reports (the listener is installed before any page script). */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}

/** zod probes once whether eval is allowed (`new Function('')`, caught) and validates without it when refused: that refusal is the policy working. */
const notZodProbe = (v: string) => !v.startsWith('script-src eval');

test('pages work with no inline script allowed but their own', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto('/');
  const policy = (await page.request.get('/')).headers()['content-security-policy'] ?? '';
  expect(policy).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+ 'wasm-unsafe-eval'/);
  expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);

  // The inline theme script runs before paint: a stored choice is applied.
  await page.evaluate(() => localStorage.setItem('workbook:theme', 'dark'));
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
  await page.getByRole('button', { name: /^Switch to (light|dark) theme$/ }).click();
  expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('light');

  // The catalog's filter (an inline module) and the exercise editor still work.
  await page.goto('/exercises/');
  const count = page.locator('[data-count]');
  await expect(count).toHaveText(/^\d+ exercises/);
  const all = await count.textContent();
  await page.getByRole('combobox', { name: 'Week' }).selectOption({ index: 1 });
  await expect(count).not.toHaveText(all ?? '');
  await page.goto('/exercises/task-entity-complete/');
  await expect(page.locator('workbook-exercise[data-ready]')).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.monaco-editor').first()).toBeVisible();
  await page.goto('/mentor/dashboard/');
  await expect(page.getByText('No reports imported yet.').first()).toBeVisible();
  expect((await violations()).filter(notZodProbe)).toEqual([]);
});

test('an injected inline script or event handler is blocked', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto('/');
  const ran = await page.evaluate(async () => {
    const w = window as unknown as { __injected?: string };
    const script = document.createElement('script');
    script.textContent = 'window.__injected = "script";';
    document.body.append(script);
    const button = document.createElement('button');
    button.setAttribute('onclick', 'window.__injected = "handler"');
    document.body.append(button);
    button.click();
    await new Promise((resolve) => setTimeout(resolve, 100));
    return w.__injected ?? 'nothing';
  });
  expect(ran).toBe('nothing');
  const seen = await violations();
  expect(seen.filter((v) => v.startsWith('script-src')).length).toBeGreaterThanOrEqual(2);
  expect(seen.some((v) => v.includes('inline'))).toBe(true);
});

test('the browser engine grades under npm start’s policy, and only its worker may load blob: scripts', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const pagePolicy = (await page.request.get('/exercises/task-entity-complete/')).headers()['content-security-policy'];
  expect(pagePolicy).not.toMatch(/script-src[^;]*blob:/);
  const workerPolicy = (await page.request.get('/sandbox/worker.js')).headers()['content-security-policy'];
  expect(workerPolicy).toMatch(/script-src 'self' blob: 'wasm-unsafe-eval'/);
  expect(workerPolicy).not.toMatch(/script-src[^;]*'(unsafe-inline|unsafe-eval)'/);

  await page.goto('/exercises/task-entity-complete/');
  await expect(page.locator('workbook-exercise[data-ready]')).toBeVisible({ timeout: 20_000 });
  // npm start prefers its local grader; force the browser engine through the automation handle.
  await expect
    .poll(() => page.evaluate(() => typeof globalThis.workbookAutomation), { timeout: 30_000 })
    .toBe('object');
  const file = 'src/domain/task/task.entity.ts';
  // The catalog loader knows where each side lives (a solution equal to the service is not stored twice).
  const exercise = loadExercise(join(import.meta.dirname, '../..'), 'task-entity-complete');
  const read = (side: 'solutions' | 'exercises') =>
    (side === 'solutions' ? exercise.solution : exercise.starter)[file] as string;
  const grade = (code: string) =>
    page.evaluate(
      (files) => globalThis.workbookAutomation!.gradeInBrowser({ exerciseId: 'task-entity-complete', files }),
      { [file]: code },
    );
  const passed = await grade(read('solutions'));
  expect(passed.engine).toBe('browser');
  expect(passed.status, passed.message).toBe('passed');
  const failed = await grade(read('exercises'));
  expect(failed.engine).toBe('browser');
  expect(failed.status, failed.message).toBe('failed');
});

// Parity: for every browser-capable exercise, the browser engine (a Web Worker in Chromium, the
// learner's files compiled by Monaco's TS worker) and the local grader give every submission of
// the integrity suite — solution, starter, alternative, each wrong one — the same verdict, check by
// check. Submissions are read at test time (grader/verify.ts variants()), never copied here. One
// static server, one page and one warm local grader serve the whole file.
import { existsSync, readdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { createGrader, type Grader } from '../../grader/index.ts';
import { variants } from '../../grader/verify.ts';
import { loadExercise } from '../../src/catalog/load.ts';
import type { CheckReport, GradeRequest } from '../../src/schemas/report.ts';
import { createStaticServer, listen } from '../../scripts/static-server.ts';
import { expect, test } from './fixtures.ts';

const root = resolve(import.meta.dirname, '../..');
const dist = resolve(root, process.env['WORKBOOK_DIST'] ?? 'dist');
const bundles = join(dist, 'sandbox', 'exercises');
const capable = existsSync(bundles)
  ? readdirSync(bundles)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -5))
      .sort()
  : [];

let server: Server;
let grader: Grader;
let page: Page;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  server = createStaticServer(dist);
  const origin = await listen(server, 0);
  grader = await createGrader({ root, concurrency: 2 });
  page = await browser.newPage();
  await page.goto(`${origin}/exercises/task-entity-complete/`);
  await page.locator('workbook-exercise').first().scrollIntoViewIfNeeded();
  await expect(page.locator('workbook-exercise[data-ready="true"]').first()).toBeAttached({ timeout: 60_000 });
});

test.afterAll(async () => {
  await page?.close();
  await grader?.close();
  server?.close();
});

test('the build has browser bundles for the capable exercises', () => {
  expect(capable.length, `no exercise bundles in ${bundles}; run npm run build`).toBeGreaterThan(30);
});

const gradeInBrowser = (request: GradeRequest): Promise<CheckReport> =>
  page.evaluate((r) => {
    if (!globalThis.workbookAutomation) throw new Error('the exercise page did not install its automation handle');
    return globalThis.workbookAutomation.gradeInBrowser(r);
  }, request);

/** What must agree: the run's status, and each check's status by name (messages may be worded differently). */
const verdict = (report: CheckReport) => ({
  status: report.status,
  checks: Object.fromEntries(report.checks.map((c) => [c.name, c.status])),
  ...(report.status === 'error' ? { message: report.message?.split('\n')[0] } : {}),
});

const differsByTimeout = (local: CheckReport, browser: CheckReport) =>
  local.status !== browser.status && (local.status === 'timeout' || browser.status === 'timeout');

for (const id of capable) {
  test(`${id}: browser verdicts equal the local grader's`, async () => {
    test.setTimeout(240_000);
    const exercise = loadExercise(root, id);
    // The grader queues submissions on its two slots; browser runs go two at a time as well, since a
    // run's time limit is wall-clock and a dozen CPU-heavy workers at once would time out together.
    const all = variants(root, exercise);
    const browserGrades = new Map<number, Promise<CheckReport>>();
    let next = 0;
    const slot = async () => {
      for (let i = next++; i < all.length; i = next++) {
        const run = gradeInBrowser({ exerciseId: id, files: all[i]!.files });
        browserGrades.set(i, run);
        await run.catch(() => undefined);
      }
    };
    const browserDone = Promise.all([slot(), slot()]);
    const graded = await Promise.all(
      all.map(async (variant, i) => {
        const local = await grader.grade({ exerciseId: id, files: variant.files }, { engine: 'local' });
        await browserDone;
        return { variant, local, browser: await browserGrades.get(i)! };
      }),
    );
    for (const run of graded) {
      // A time limit is wall-clock: on a loaded machine either engine may hit it where the other did
      // not. That says nothing about verdicts, so such a variant is graded again, one at a time (at
      // most twice); a difference that is not a timeout is never retried.
      for (let retry = 0; retry < 2 && differsByTimeout(run.local, run.browser); retry++) {
        run.local = await grader.grade({ exerciseId: id, files: run.variant.files }, { engine: 'local' });
        run.browser = await gradeInBrowser({ exerciseId: id, files: run.variant.files });
      }
    }
    for (const { variant, local, browser } of graded) {
      expect(browser.engine).toBe('browser');
      expect(browser.isolation).toBe('web-worker');
      const want = verdict(local);
      const got = verdict(browser);
      // An error's first line may be phrased differently by the two engines; its status and checks may not.
      if (want.status === 'error' && got.status === 'error') {
        delete want.message;
        delete got.message;
      }
      expect(
        got,
        `${id}, ${variant.label}: local said ${local.status}${local.message ? ` (${local.message.slice(0, 300)})` : ''}; browser said ${browser.status}${browser.message ? ` (${browser.message.slice(0, 300)})` : ''}`,
      ).toEqual(want);
    }
  });
}

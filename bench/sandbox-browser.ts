// The browser engine's figures for `npm run bench:sandbox`, on a plain static server (no local
// grader, so the page picks the browser engine): click → first / final result over `runs` warm
// runs, the first grade right after the editor is ready over `loads` fresh page loads, the engine's
// own download (gzip, per-exercise bundles excluded) and the offline precache.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';
import { createStaticServer, listen } from '../scripts/static-server.ts';
import { precacheList } from '../scripts/precache-list.ts';
import { BROWSER_PACKAGES, packageFile, SANDBOX_DIR } from '../src/sandbox/browser-paths.ts';
import { clickAndTime, type FirstGrades, firstGrades } from './first-grade.ts';

export interface BrowserFigures {
  first: number[];
  final: number[];
  firstGrades: FirstGrades;
  engineGzip: { total: number; parts: string[]; onDemand: number };
  precache: { files: number; bytes: number };
}

export async function benchBrowserEngine(
  browser: Browser,
  dist: string,
  exercise: string,
  solution: string,
  runs: number,
  loads: number,
): Promise<BrowserFigures> {
  const server = createStaticServer(dist);
  const origin = await listen(server, 0);
  try {
    // First grade after the editor is ready: fresh contexts, so the TS worker and the engine are cold.
    const cold = await firstGrades(browser, `${origin}/exercises/${exercise}/`, loads, 'browser');

    const page = await browser.newPage();
    await open(page, `${origin}/exercises/${exercise}/`);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.evaluate((text) => navigator.clipboard.writeText(text), solution);
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+V');
    const first: number[] = [];
    const final: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      await page.locator('.monaco-editor .view-lines').click();
      await page.keyboard.press('Control+End');
      await page.keyboard.insertText(`\n// edit ${i}`);
      await page.waitForTimeout(50);
      const timing = await page.evaluate(clickAndTime);
      if (timing.status !== 'passed')
        throw new Error(`bench:sandbox: browser run ${i} ended "${timing.status}", expected a pass`);
      if (i === 0) continue;
      first.push(timing.first);
      final.push(timing.final);
    }
    await page.close();

    // The engine: the worker and the bundles every run may load (vitest, zod, node:buffer). The Node
    // stand-ins and NestJS load only for exercises that import them; their chunks are listed as one part.
    const folder = join(dist, SANDBOX_DIR);
    const gzipOf = (name: string) => gzipSync(readFileSync(join(folder, name))).length;
    const parts = ['worker.js', ...BROWSER_PACKAGES.map(packageFile), packageFile('node:buffer')];
    const sizes = parts.map((name) => ({ name, gzip: gzipOf(name) }));
    const onDemand = readdirSync(folder)
      .filter((name) => name.endsWith('.js') && !parts.includes(name))
      .reduce((sum, name) => sum + gzipOf(name), 0);
    const entries = precacheList(dist);
    return {
      first,
      final,
      firstGrades: cold,
      engineGzip: {
        total: sizes.reduce((s, p) => s + p.gzip, 0),
        parts: sizes.map((p) => `${p.name} ${(p.gzip / 1024).toFixed(1)} KB`),
        onDemand,
      },
      precache: { files: entries.length, bytes: entries.reduce((s, e) => s + e.content.length, 0) },
    };
  } finally {
    server.close();
  }
}

async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('workbook-exercise').scrollIntoViewIfNeeded();
  await page.locator('workbook-exercise[data-ready][data-engine]').waitFor({ timeout: 60_000 });
  const engine = await page.locator('workbook-exercise').getAttribute('data-engine');
  if (engine !== 'browser')
    throw new Error(`bench:sandbox: the static page chose the "${engine}" engine, expected "browser"`);
}

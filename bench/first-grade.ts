// What a learner sees on a first visit, measured the way one does it: a fresh browser context (no
// HTTP cache, no service worker, no warm worker), open the exercise, wait until the editor is ready,
// click Run checks at once. Repeated over several page loads, since one load says little on a
// shared machine. Used by bench/sandbox.ts for both engines.
import type { Browser } from '@playwright/test';

export interface FirstGrades {
  /** Navigation → editor ready (data-ready on the exercise), ms. */
  ready: number[];
  /** Click → first check shown, ms. */
  first: number[];
  /** Click → final report shown, ms. */
  final: number[];
  /** The browser engine's phases of that grade (User Timing "workbook:grade:<phase>"), ms. */
  phases: Record<string, number[]>;
}

/** Runs in the page: clicks Run checks, resolves when the first check and the final report show. */
export function clickAndTime(): Promise<{ first: number; final: number; status: string }> {
  return new Promise((resolveTiming) => {
    const results = document.querySelector<HTMLElement>('[data-results]');
    const list = document.querySelector('[data-checks]');
    const run = document.querySelector<HTMLButtonElement>('[data-action="run"]');
    if (!results || !list || !run) throw new Error('the exercise page lacks its results area or Run button');
    let first = 0;
    const started = performance.now();
    const observer = new MutationObserver(() => {
      if (!first && results.dataset['status'] === 'running' && list.children.length > 0)
        first = performance.now() - started;
      const status = results.dataset['status'];
      if (status && status !== 'running') {
        observer.disconnect();
        resolveTiming({ first: first || performance.now() - started, final: performance.now() - started, status });
      }
    });
    observer.observe(results, { attributes: true, childList: true, subtree: true });
    run.click();
  });
}

/** `loads` fresh page loads of `url`, each graded once right after the editor is ready. */
export async function firstGrades(browser: Browser, url: string, loads: number, engine: string): Promise<FirstGrades> {
  const out: FirstGrades = { ready: [], first: [], final: [], phases: {} };
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const started = Date.now();
      await page.goto(url);
      await page.locator('workbook-exercise').scrollIntoViewIfNeeded();
      await page.locator('workbook-exercise[data-ready][data-engine]').waitFor({ timeout: 120_000 });
      out.ready.push(Date.now() - started);
      const chosen = await page.locator('workbook-exercise').getAttribute('data-engine');
      if (chosen !== engine)
        throw new Error(`bench:sandbox: ${url} chose the "${chosen}" engine, expected "${engine}"`);
      const timing = await page.evaluate(clickAndTime);
      // The starter fails its checks; what matters is that a report came, not an error.
      if (!['passed', 'failed'].includes(timing.status))
        throw new Error(`bench:sandbox: the first grade on ${url} ended "${timing.status}"`);
      out.first.push(timing.first);
      out.final.push(timing.final);
      const measures = await page.evaluate(() =>
        performance
          .getEntriesByType('measure')
          .filter((m) => m.name.startsWith('workbook:grade:'))
          .map((m) => [m.name.slice('workbook:grade:'.length), m.duration] as const),
      );
      for (const [name, ms] of measures) out.phases[name] = [...(out.phases[name] ?? []), ms];
    } finally {
      await context.close();
    }
  }
  return out;
}

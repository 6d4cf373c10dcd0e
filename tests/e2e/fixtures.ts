// Shared Playwright fixtures. Every test gets the offline guard: any request to a host outside
// loopback fails the test (and is aborted, so a closed network cannot hide it behind a timeout).
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** True for URLs the workbook may load: loopback hosts and in-page schemes (data:, blob:, about:). */
export function isLocal(url: string): boolean {
  const parsed = new URL(url);
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol)) return true;
  return LOOPBACK.has(parsed.hostname);
}

interface Fixtures {
  /** Requests to other origins seen during the test; the guard fails the test if any. */
  foreignRequests: string[];
}

export const test = base.extend<Fixtures>({
  foreignRequests: [
    async ({ context }, use) => {
      const foreign: string[] = [];
      const record = (url: string) => {
        if (!foreign.includes(url)) foreign.push(url);
      };
      await context.route(
        (url) => !isLocal(url.href),
        async (route) => {
          record(route.request().url());
          await route.abort('blockedbyclient');
        },
      );
      await context.routeWebSocket(
        (url) => !isLocal(url.href),
        async (ws) => {
          record(ws.url());
          await ws.close();
        },
      );
      // Requests that bypass routing (e.g. from workers) still show up here.
      context.on('request', (request) => {
        if (!isLocal(request.url())) record(request.url());
      });
      await use(foreign);
      expect(foreign, 'the workbook must make no request outside loopback (offline guard)').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Runs axe and returns only serious and critical violations, formatted for a readable failure. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact}: ${v.id} (${v.help}) on ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

// Diagrams are rendered at build time (src/diagram/) to inline SVG: this proves it in the built
// site. Each chapter shows its figures with an accessible name and a caption, they render with
// JavaScript turned off and the component ships no script, their colours come from the theme's
// tokens in both themes, and axe finds nothing serious inside them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const EXPECTED: Record<number, string[]> = {
  1: ['The dependency rule in the reference service', 'CQRS: from a command to a read model'],
  2: [
    'Cache-aside reads and invalidation on write',
    "A job's life in BullMQ: retries, backoff and the dead-letter set",
    'socket.io rooms: who receives task:updated',
    'The transactional outbox',
  ],
  3: ['Red, green, refactor'],
  11: ['From capacity estimate to load test, and round again'],
};

test('every chapter shows its diagrams as named images with a caption, at least eight in all', async ({ page }) => {
  let total = 0;
  for (const [week, titles] of Object.entries(EXPECTED)) {
    await page.goto(`/weeks/${week}/`);
    for (const title of titles) {
      const image = page.getByRole('img', { name: title, exact: true });
      await expect(image).toBeVisible();
      const figure = page.locator('figure.diagram', { has: image });
      await expect(figure.locator('figcaption')).toContainText(title);
      // The description is the SVG's <desc> and the caption's text: the same words for every reader.
      const desc = (await image.locator('desc').textContent()) ?? '';
      expect(desc.length).toBeGreaterThan(40);
      await expect(image).toHaveAccessibleDescription(desc);
      await expect(figure.locator('figcaption')).toContainText(desc);
      total += 1;
    }
  }
  expect(total).toBeGreaterThanOrEqual(8);
});

test('diagrams need no JavaScript and the build ships none for them', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/weeks/2/');
  await expect(page.locator('figure.diagram svg')).toHaveCount(4);
  await expect(page.getByRole('img', { name: 'The transactional outbox' })).toBeVisible();
  expect(await page.locator('figure.diagram script, figure.diagram [onload], figure.diagram [onclick]').count()).toBe(
    0,
  );
  await context.close();

  // No built script mentions the renderer or its classes: the SVG is HTML, not code.
  const dist = path.resolve(import.meta.dirname, '../../dist');
  const scripts = listFiles(dist).filter((f) => /\.m?js$/.test(f));
  expect(scripts.length).toBeGreaterThan(0);
  const shipping = scripts.filter((f) => /renderDiagram|dg-svg|dg-node-label/.test(readFileSync(f, 'utf8')));
  expect(shipping).toEqual([]);
});

/** The computed fill of a diagram's box, its label and its arrow, next to the theme's own tokens. */
async function colours(page: Page) {
  return page.evaluate(() => {
    const style = (selector: string) => getComputedStyle(document.querySelector(selector) as Element);
    const token = (name: string) => {
      const probe = document.createElement('span');
      probe.style.color = `var(${name})`;
      document.body.append(probe);
      const value = getComputedStyle(probe).color;
      probe.remove();
      return value;
    };
    return {
      box: style('figure.diagram .dg-plain rect').fill,
      label: style('figure.diagram .dg-node-label').fill,
      arrow: style('figure.diagram .dg-edge path').stroke,
      bgSoft: token('--bg-soft'),
      fg: token('--fg'),
      fgMuted: token('--fg-muted'),
    };
  });
}

test('diagram colours follow the light and dark themes', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/weeks/1/');
  const light = await colours(page);
  expect(light.box).toBe(light.bgSoft);
  expect(light.label).toBe(light.fg);
  expect(light.arrow).toBe(light.fgMuted);

  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  const dark = await colours(page);
  expect(dark.box).toBe(dark.bgSoft);
  expect(dark.label).toBe(dark.fg);
  expect(dark.arrow).toBe(dark.fgMuted);
  expect(dark.box).not.toBe(light.box);
  expect(dark.label).not.toBe(light.label);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`diagrams have no serious accessibility violations (${colorScheme})`, async ({ page }) => {
    test.setTimeout(180_000); // axe on four long chapters, on a shared machine
    await page.emulateMedia({ colorScheme });
    for (const week of Object.keys(EXPECTED)) {
      await page.goto(`/weeks/${week}/`);
      const results = await new AxeBuilder({ page })
        .include('figure.diagram')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      const serious = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `week ${week}: ${v.id} on ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(serious).toEqual([]);
    }
  });
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

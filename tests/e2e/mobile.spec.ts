// At 390 px (a phone) no page scrolls sideways and the header fits on one or two rows (issue 16).
import { readdirSync } from 'node:fs';
import { expect, test } from './fixtures.ts';

const weeks = readdirSync('src/content/weeks')
  .map((f) => /^week-(\d+)\.mdx$/.exec(f)?.[1])
  .filter((n): n is string => n !== undefined)
  .map(Number);
const pages = [
  '/',
  '/weeks/',
  ...weeks.map((w) => `/weeks/${w}/`),
  '/exercises/',
  '/exercises/task-entity-complete/',
  '/mentor/',
  '/mentor/dashboard/',
  '/assign/',
];

test.use({ viewport: { width: 390, height: 844 } });

for (const path of pages) {
  test(`${path} does not scroll sideways at 390 px`, async ({ page }) => {
    await page.goto(path);
    await page.waitForLoadState('load');
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      // Name the widest offenders, so a failure says what to fix.
      const wide = [...document.querySelectorAll<HTMLElement>('body *')]
        .filter((el) => {
          const box = el.getBoundingClientRect();
          if (box.width === 0 || box.right <= width + 1) return false;
          // Inside a scroll container (tables, code blocks) is fine: the page itself does not move.
          for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
            const style = getComputedStyle(p);
            if (/(auto|scroll|hidden)/.test(style.overflowX) && p.getBoundingClientRect().right <= width + 1)
              return false;
          }
          return true;
        })
        .slice(0, 5)
        .map(
          (el) =>
            `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} right=${Math.round(el.getBoundingClientRect().right)}`,
        );
      return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, wide };
    });
    expect(overflow.scrollWidth, `wider than the screen: ${overflow.wide.join('; ')}`).toBeLessThanOrEqual(
      overflow.innerWidth,
    );
    if (path === '/' || path === '/weeks/1/') {
      // One or two rows: the brand and navigation, then the tools (search, theme).
      const header = page.locator('header.site-header');
      const rows = await header.evaluate((el) => {
        const tops = [...el.querySelectorAll<HTMLElement>('.brand, nav a, .tools > *')]
          .map((c) => c.getBoundingClientRect())
          .filter((box) => box.height > 0)
          .map((box) => box.top + box.height / 2)
          .sort((a, b) => a - b);
        // Items whose middles are within 20 px sit on one row.
        return tops.filter((top, i) => i === 0 || top - tops[i - 1]! > 20).length;
      });
      expect(rows).toBeLessThanOrEqual(2);
    }
  });
}

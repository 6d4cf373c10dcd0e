// The curriculum as a reader meets it: every exercise in the catalog, found by search under its own
// title, and embedded in the chapter of its week.
import { join } from 'node:path';
import { loadExercises } from '../../src/catalog/load.ts';
import { expect, test } from './fixtures.ts';

const exercises = loadExercises(join(import.meta.dirname, '..', '..'));

test('the catalog lists every exercise, linked to its page', async ({ page }) => {
  expect(exercises.length, 'the curriculum promises at least 40 exercises').toBeGreaterThanOrEqual(40);
  await page.goto('/exercises/');
  for (const { manifest } of exercises) {
    await expect(page.getByRole('link', { name: manifest.title, exact: true }).first()).toHaveAttribute(
      'href',
      `/exercises/${manifest.id}/`,
    );
  }
});

test('search finds each exercise by its title', async ({ page }) => {
  await page.goto('/');
  const missing = await page.evaluate(
    async (items) => {
      // The search bundle exists only in the built site, so it is imported by URL at run time.
      const bundle: string = '/pagefind/pagefind.js';
      const pagefind = await import(bundle);
      await pagefind.init();
      const notFound: string[] = [];
      for (const { id, title } of items) {
        const search = await pagefind.search(title);
        const urls: string[] = await Promise.all(
          search.results.slice(0, 10).map(async (r: { data: () => Promise<{ url: string }> }) => (await r.data()).url),
        );
        if (!urls.some((url) => url.replace(/index\.html$/, '') === `/exercises/${id}/`))
          notFound.push(`${title} (${id})`);
      }
      return notFound;
    },
    exercises.map((e) => ({ id: e.manifest.id, title: e.manifest.title })),
  );
  expect(missing, 'exercises whose title does not find their page in the top 10 results').toEqual([]);
});

test('every chapter embeds each exercise of its week', async ({ page }) => {
  for (let week = 1; week <= 12; week += 1) {
    await page.goto(`/weeks/${week}/`);
    const embedded = await page
      .locator('section.exercise')
      .evaluateAll((nodes) => nodes.map((n) => n.id.replace(/^exercise-/, '')));
    const own = exercises.filter((e) => e.manifest.week === week).map((e) => e.manifest.id);
    for (const id of own) expect(embedded, `week ${week} should embed ${id}`).toContain(id);
  }
});

// The difficulty ladder as a learner meets it: a chapter lists its exercises easiest first, core
// before optional, optional ones say so, and each exercise names its place in the week.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';

interface Step {
  id: string;
  title: string;
  week: number;
  order: number;
  optional?: boolean;
}
const root = join(import.meta.dirname, '..', '..');
const steps: Step[] = readdirSync(join(root, 'exercises')).map(
  (id) => JSON.parse(readFileSync(join(root, 'exercises', id, 'exercise.json'), 'utf8')) as Step,
);
const ladder = (week: number) => steps.filter((s) => s.week === week).sort((a, b) => a.order - b.order);

test('week 3 lists its core exercises first, in ladder order, then the optional ones marked as such', async ({
  page,
}) => {
  await page.goto('/weeks/3/');
  const cards = page.getByRole('region', { name: 'Exercises for this week' }).getByRole('listitem');
  const expected = ladder(3);
  await expect(cards).toHaveCount(expected.length);
  await expect(cards.getByRole('heading')).toHaveText(expected.map((s) => s.title));
  for (const [i, step] of expected.entries()) {
    const card = cards.nth(i);
    if (step.optional) await expect(card.getByText('optional', { exact: true })).toBeVisible();
    else await expect(card.getByText('optional', { exact: true })).toHaveCount(0);
  }
  expect(expected.some((s) => s.optional)).toBe(true);
});

test('week 1 lists no Redis exercise; week 2 has the cache exercises that moved there', async ({ page }) => {
  await page.goto('/weeks/1/');
  const week1 = page.getByRole('region', { name: 'Exercises for this week' }).getByRole('heading', { level: 3 });
  await expect(week1).toHaveText(ladder(1).map((s) => s.title));
  await page.goto('/weeks/2/');
  const week2 = page.getByRole('region', { name: 'Exercises for this week' });
  await expect(week2.getByRole('link', { name: /two-level cache/i })).toBeVisible();
});

test("an exercise shows its week, its place in the week's ladder and whether it is optional", async ({ page }) => {
  const step = ladder(3).find((s) => s.optional) as Step;
  await page.goto(`/exercises/${step.id}/`);
  const meta = page.locator('.exercise-meta');
  await expect(meta.getByText(`Week 3 · step ${step.order}`, { exact: true })).toBeVisible();
  await expect(meta.getByText('optional', { exact: true })).toBeVisible();
});

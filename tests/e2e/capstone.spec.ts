// The capstone in the workbook: a Capstone section in the header, one page per milestone with its
// contract, the chapter sections that teach it (links that land on real headings) and the checks
// its hidden suite runs (the same names rules.md lists).
import { resolve } from 'node:path';
import { milestoneRules } from '../../src/build/capstone.ts';
import { expect, seriousViolations, test } from './fixtures.ts';

const repo = resolve(import.meta.dirname, '../..');

test('the header leads to the capstone overview, which leads to every milestone', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Capstone' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Capstone: your own task service' })).toBeVisible();
  for (const n of [1, 2, 3, 4])
    await expect(page.getByRole('link', { name: new RegExp(`^Milestone ${n}:`) })).toBeVisible();
  await page.getByRole('link', { name: /^Milestone 1:/ }).click();
  await expect(page).toHaveURL(/\/capstone\/m1\/$/);
  expect(await seriousViolations(page)).toEqual([]);
});

test('milestone 1 states the contract, links its chapters and lists every check of its suite', async ({ page }) => {
  await page.goto('/capstone/m1/');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Milestone 1: The HTTP contract for accounts and tasks' }),
  ).toBeVisible();
  const contract = page.getByRole('table');
  await expect(contract.getByRole('row', { name: /completing a completed task/ })).toContainText(
    '409 TASK.ALREADY_COMPLETED',
  );
  await expect(contract.getByRole('row', { name: /POST \/auth\/register/ }).first()).toContainText('201');
  const checks = page.getByRole('region', { name: 'What the hidden suite checks' }).getByRole('listitem');
  const rules = (milestoneRules(repo, 'm1') ?? []).flatMap((r) => (r.check ? [r.check] : []));
  expect(rules.length).toBeGreaterThan(10);
  await expect(checks).toHaveText(rules);
  // A chapter link lands on the heading it names.
  await page.getByRole('link', { name: 'Week 1: CQRS: commands, queries, events and read models' }).click();
  await expect(page).toHaveURL(/\/weeks\/1\/#cqrs-commands-queries-events-and-read-models$/);
  await expect(
    page.getByRole('heading', { level: 2, name: 'CQRS: commands, queries, events and read models' }),
  ).toBeInViewport();
});

test('milestone 2 names its environment and marks the rule not checked yet', async ({ page }) => {
  await page.goto('/capstone/m2/');
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'REDIS_PREFIX', 'JWT_SECRET'])
    await expect(page.getByRole('main').getByText(name, { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'What the hidden suite checks' })).toContainText('(not checked yet)');
});

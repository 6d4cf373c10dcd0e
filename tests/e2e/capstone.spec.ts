// The capstone in the workbook: a Capstone section in the header, one page per milestone with its
// contract, the chapter sections that teach it (links that land on real headings) and the checks
// its hidden suite runs (the same names rules.md lists); the home page's skeleton download.
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { unpackTarGz } from '../../grader/project/archive.ts';
import { skeletonFiles } from '../../grader/project/init.ts';
import { createStaticServer, listen } from '../../scripts/static-server.ts';
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

test('milestone 2 names its environment and lists every check of its suite', async ({ page }) => {
  await page.goto('/capstone/m2/');
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'REDIS_PREFIX', 'JWT_SECRET'])
    await expect(page.getByRole('main').getByText(name, { exact: true }).first()).toBeVisible();
  const rules = milestoneRules(repo, 'm2') ?? [];
  const listed = page.getByRole('region', { name: 'What the hidden suite checks' }).getByRole('listitem');
  await expect(listed).toHaveCount(rules.length);
  for (const r of rules) if (r.check) await expect(listed.filter({ hasText: r.check })).toHaveCount(1);
});

test.describe('the skeleton download', () => {
  let server: Server;
  let origin: string;
  test.beforeAll(async () => {
    server = createStaticServer(resolve(repo, process.env['WORKBOOK_DIST'] ?? 'dist'));
    origin = await listen(server, 0);
  });
  test.afterAll(() => server?.close());

  test('from a static host, offline after one visit: the skeleton as my-task-service.tar.gz, with what to run', async ({
    page,
    context,
  }) => {
    test.setTimeout(120_000);
    await page.goto(`${origin}/`);
    const card = page.getByRole('region', { name: 'Start your project' });
    await expect(card).toContainText('npm install --offline');
    await expect(card).toContainText('project check m1 --dir ../my-task-service');
    await expect(page.getByRole('status').filter({ hasText: 'Available offline' })).toBeVisible({ timeout: 60_000 });
    await context.setOffline(true);
    await page.reload();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('link', { name: /Download the skeleton/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('my-task-service.tar.gz');
    const files = unpackTarGz(readFileSync((await download.path()) ?? ''));
    const expected = skeletonFiles(repo, 'my-task-service');
    expect([...files.keys()].sort()).toEqual([...expected.keys()].map((p) => `my-task-service/${p}`).sort());
    expect(files.get('my-task-service/workbook.project.json')?.toString()).toBe(expected.get('workbook.project.json'));
    await context.setOffline(false);
  });
});

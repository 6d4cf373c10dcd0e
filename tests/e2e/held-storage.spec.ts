// Storage full and saved progress damaged: the exercise page keeps the damaged data untouched —
// through a page visit and a hint — until the learner downloads it and chooses to discard it.
import { expect, test } from './fixtures.ts';

const DAMAGED = JSON.stringify({
  version: 1,
  exercises: { 'task-entity-complete': { status: 'won', files: { 'x.ts': 'x'.repeat(2000) } } },
});

test('unreadable progress that cannot be backed up is held until the learner acts', async ({ page }) => {
  await page.goto('/');
  await page.evaluate((raw) => localStorage.setItem('workbook:progress', raw), DAMAGED);
  // A full storage, as browsers have it: a write that grows it throws, a shorter overwrite succeeds.
  await page.addInitScript(() => {
    const put = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      const old = this.getItem(key);
      if (old === null || value.length > old.length)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      put.call(this, key, value);
    };
  });
  await page.goto('/exercises/task-entity-complete/');
  await expect(page.locator('workbook-exercise[data-ready]')).toBeVisible({ timeout: 20_000 });
  const notice = page.locator('[data-notice]');
  await expect(notice).toContainText('left untouched and nothing is saved until you choose');
  await page.getByRole('button', { name: /Show hint 1 of/ }).click();
  await page.reload();
  await expect(page.locator('workbook-exercise[data-ready]')).toBeVisible({ timeout: 20_000 });
  expect(await page.evaluate(() => localStorage.getItem('workbook:progress'))).toBe(DAMAGED);

  const download = page.waitForEvent('download');
  await notice.getByRole('button', { name: 'Download the unreadable data' }).click();
  expect(await (await download).suggestedFilename()).toBe('workbook-progress-unreadable.json');
  page.once('dialog', (dialog) => void dialog.accept());
  await notice.getByRole('button', { name: 'Discard it and save again' }).click();
  await expect
    .poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('workbook:progress') ?? '{}').version))
    .toBe(1);
  expect(await page.evaluate(() => localStorage.getItem('workbook:progress'))).not.toContain('"won"');
});

// What a newcomer (intern or mentor) meets first: the mentor entry, portable set links, the
// progress file, search, the mentor form and the catalog (issue 16).
import { expect, seriousViolations, test } from './fixtures.ts';

test.describe('mentor entry', () => {
  test('the header links to the mentor tools from every page, marked current there', async ({ page }) => {
    for (const path of ['/', '/weeks/1/', '/exercises/']) {
      await page.goto(path);
      await expect(
        page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mentor' }),
      ).toHaveAttribute('href', '/mentor/');
    }
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mentor' }).click();
    await expect(page).toHaveURL(/\/mentor\/$/);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mentor' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(await seriousViolations(page)).toEqual([]);
  });
});

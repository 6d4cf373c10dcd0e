// Final-project checklists (week 6, week 12) and the Phase 1 self-assessment (week 5) in a real
// browser: ticks and scores survive a reload, totals are announced, unreadable saved data is kept
// aside and reported, and the components pass axe in both themes (scoped to the components, so
// the rest of the page is the site tests' business).
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const KEY = 'workbook:checklists:v1';

test.describe('final-project checklists', () => {
  test('ticks are saved, counted and restored after a reload', async ({ page }) => {
    await page.goto('/weeks/6/');
    const optionA = page.getByRole('group', { name: 'Option A (internal system): requirements' });
    const status = optionA.getByRole('status');
    await expect(status).toHaveText('0 of 9 done');

    await optionA.getByRole('checkbox', { name: /fine-grained role-based access control/ }).check();
    await optionA.getByRole('checkbox', { name: /complete audit log/ }).focus();
    await page.keyboard.press('Space');
    await expect(status).toHaveText('2 of 9 done');
    await expect(status).toHaveAttribute('aria-live', 'polite');

    const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), KEY);
    expect(saved.version).toBe(1);
    expect(saved.checklists['option-a-requirements'].checked).toEqual(['rbac', 'audit-log']);

    await page.reload();
    await expect(status).toHaveText('2 of 9 done');
    await expect(optionA.getByRole('checkbox', { name: /fine-grained role-based access control/ })).toBeChecked();
    // Other options keep their own lists.
    await expect(
      page.getByRole('group', { name: /Option C \(new platform\): requirements/ }).getByRole('status'),
    ).toHaveText('0 of 12 done');

    await optionA.getByRole('checkbox', { name: /fine-grained role-based access control/ }).uncheck();
    await expect(status).toHaveText('1 of 9 done');
  });

  test('says when every requirement is met', async ({ page }) => {
    await page.goto('/weeks/6/');
    const optionB = page.getByRole('group', { name: 'Option B (module ownership): requirements' });
    for (const box of await optionB.getByRole('checkbox').all()) await box.check();
    await expect(optionB.getByRole('status')).toHaveText('7 of 7 done — all requirements met');
  });

  test('keeps unreadable saved data under a backup key and tells the learner', async ({ page }) => {
    await page.goto('/weeks/6/');
    await page.evaluate((key) => localStorage.setItem(key, '{"version":1,"checklists":'), KEY);
    await page.reload();
    const alert = page.getByRole('alert');
    await expect(alert).toHaveCount(1);
    await expect(alert).toContainText(`${KEY}:backup`);
    await expect(alert).toContainText('not valid JSON');
    const backups = await page.evaluate((key) => {
      const found: Array<[string, string | null]> = [];
      for (let i = 0; i < localStorage.length; i += 1) {
        const name = localStorage.key(i) ?? '';
        if (name.startsWith(`${key}:backup:`)) found.push([name, localStorage.getItem(name)]);
      }
      return found;
    }, KEY);
    expect(backups).toHaveLength(1);
    expect(backups[0]?.[1]).toBe('{"version":1,"checklists":');
    await expect(alert).toContainText(backups[0]?.[0] ?? 'a backup key');

    const optionA = page.getByRole('group', { name: 'Option A (internal system): requirements' });
    await optionA.getByRole('checkbox', { name: /Redis caching layer/ }).check();
    await expect(optionA.getByRole('status')).toHaveText('1 of 9 done');
  });

  test('still works, and says nothing will be saved, when the browser blocks storage', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    await page.goto('/weeks/6/');
    const optionC = page.getByRole('group', { name: 'Option C (new platform): requirements' });
    await optionC.getByRole('checkbox', { name: 'Rate limiting' }).check();
    await expect(optionC.getByRole('status')).toHaveText('1 of 12 done');
    await expect(page.getByRole('alert')).toContainText('will not be saved');
  });

  test('a tick in one tab appears in another', async ({ context }) => {
    const first = await context.newPage();
    const second = await context.newPage();
    await first.goto('/weeks/12/');
    await second.goto('/weeks/12/');
    const name = 'Option C (new platform): deliverables';
    await first.getByRole('group', { name }).getByRole('checkbox', { name: 'CI/CD pipeline' }).check();
    await expect(second.getByRole('group', { name }).getByRole('checkbox', { name: 'CI/CD pipeline' })).toBeChecked();
    await expect(second.getByRole('group', { name }).getByRole('status')).toHaveText('1 of 12 done');
  });
});

test.describe('Phase 1 self-assessment', () => {
  test('computes the weighted total with the program weights and the 85% pass mark, and saves it', async ({ page }) => {
    await page.goto('/weeks/5/');
    const form = page.getByRole('group', { name: 'Phase 1 self-assessment' });
    const result = form.getByRole('status');

    await form.getByRole('spinbutton', { name: /^Project/ }).fill('90');
    await expect(result).toContainText('1 of 4 areas scored');
    await form.getByRole('spinbutton', { name: /^Code review/ }).fill('85');
    await form.getByRole('spinbutton', { name: /^Test coverage/ }).fill('80');
    await form.getByRole('spinbutton', { name: /^Security audit/ }).fill('70');
    await expect(result).toHaveText('Weighted total: 84.5%. Not yet: 0.5 points below the 85% mark.');

    await form.getByRole('spinbutton', { name: /^Security audit/ }).fill('75');
    await expect(result).toHaveText('Weighted total: 85%. Pass: at or above the 85% mark.');

    await page.reload();
    await expect(result).toHaveText('Weighted total: 85%. Pass: at or above the 85% mark.');
    await expect(form.getByRole('spinbutton', { name: /^Project/ })).toHaveValue('90');
  });

  test('explains a score outside 0–100 and keeps the last valid one', async ({ page }) => {
    await page.goto('/weeks/5/');
    const form = page.getByRole('group', { name: 'Phase 1 self-assessment' });
    const project = form.getByRole('spinbutton', { name: /^Project/ });
    await project.fill('60');
    await project.fill('150');
    await expect(project).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByText('"150" is not a score: enter a number from 0 to 100.')).toBeVisible();
    const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), KEY);
    expect(saved.assessments['phase-1-assessment'].scores).toEqual({ project: 60 });
  });
});

/** Serious and critical axe violations inside the checklist and self-assessment components only. */
async function componentViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .include('workbook-checklist')
    .include('workbook-self-assessment')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact}: ${v.id} (${v.help}) on ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const colorScheme of ['light', 'dark'] as const) {
  for (const week of [5, 6]) {
    test(`week ${week}: the components have no serious accessibility violations (${colorScheme}, some ticked)`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(`/weeks/${week}/`);
      // Exercise the states that change colours: a ticked item, an invalid score, a verdict.
      if (week === 6) await page.getByRole('checkbox').first().check();
      if (week === 5) await page.getByRole('spinbutton', { name: /^Project/ }).fill('101');
      expect(await componentViolations(page)).toEqual([]);
    });
  }
}

// The Phase 2 self-assessment (week 12) and the mentors' code-review rubric (week 8) in a real
// browser: the weighted totals, saving across a reload, each under its own key in the one
// checklist store, and no serious accessibility violation in either theme.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';

const KEY = 'workbook:checklists:v1';

test('Phase 2 self-assessment: weights 40/30/30, the 85% mark, saved', async ({ page }) => {
  await page.goto('/weeks/12/');
  const form = page.getByRole('group', { name: 'Phase 2 self-assessment' });
  const result = form.getByRole('status');
  await form.getByRole('spinbutton', { name: /^Technical excellence/ }).fill('90');
  await form.getByRole('spinbutton', { name: /^Deliverables/ }).fill('78');
  await form.getByRole('spinbutton', { name: /^Professional skills/ }).fill('85');
  await expect(result).toHaveText('Weighted total: 84.9%. Not yet: 0.1 points below the 85% mark.');
  await form.getByRole('spinbutton', { name: /^Deliverables/ }).fill('80');
  await expect(result).toHaveText('Weighted total: 85.5%. Pass: at or above the 85% mark.');

  await page.reload();
  await expect(result).toHaveText('Weighted total: 85.5%. Pass: at or above the 85% mark.');
  const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), KEY);
  expect(saved.assessments['phase-2-assessment'].scores).toEqual({
    'technical-excellence': 90,
    deliverables: 80,
    'professional-skills': 85,
  });
});

test('code-review rubric: a mentor scores a pull request and the scores are kept', async ({ page }) => {
  await page.goto('/weeks/8/');
  const form = page.getByRole('group', { name: 'Code-review rubric' });
  await expect(form).toContainText('Score the pull request from 0 to 100 in each area');
  const scores: Array<[RegExp, string]> = [
    [/^Correctness/, '80'],
    [/^Design and architecture/, '70'],
    [/^Tests/, '90'],
    [/^Security/, '100'],
    [/^Operability/, '60'],
    [/^Readability/, '50'],
  ];
  for (const [name, value] of scores) await form.getByRole('spinbutton', { name }).fill(value);
  // 80×.25 + 70×.2 + 90×.2 + 100×.15 + 60×.1 + 50×.1 = 78
  await expect(form.getByRole('status')).toHaveText('Weighted total: 78%. Not yet: 2 points below the 80% mark.');
  await page.reload();
  await expect(form.getByRole('spinbutton', { name: /^Tests/ })).toHaveValue('90');
  const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), KEY);
  expect(Object.keys(saved.assessments)).toEqual(['code-review-rubric']);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`Phase 2 assessment and rubric have no serious accessibility violations (${colorScheme})`, async ({ page }) => {
    test.setTimeout(120_000); // axe on two long chapters, on a shared machine
    await page.emulateMedia({ colorScheme });
    for (const week of [8, 12]) {
      await page.goto(`/weeks/${week}/`);
      const results = await new AxeBuilder({ page })
        .include('workbook-self-assessment')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      const serious = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `week ${week}: ${v.id} on ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(serious).toEqual([]);
    }
  });
}

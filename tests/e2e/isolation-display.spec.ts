// The exercise page says, under the engine line, which isolation the run had — the same words the
// CLI and the mentor dashboard use (src/schemas/isolation-label.ts) — and keeps saying it after a reload.
import path from 'node:path';
import { loadExercise } from '../../src/catalog/load.ts';
import { expect, test } from './fixtures.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const ID = 'task-entity-complete';
const FILE = 'src/domain/task/task.entity.ts';

test('the exercise page names the isolation of the last run', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await page.evaluate(
    ({ id, file, code }) => {
      localStorage.setItem(
        'workbook:progress',
        JSON.stringify({
          version: 1,
          exercises: {
            [id]: {
              files: { [file]: code },
              status: 'not-started',
              attempts: 0,
              hintsUsed: 0,
              solutionViewed: false,
              updatedAt: new Date().toISOString(),
            },
          },
        }),
      );
    },
    { id: ID, file: FILE, code: loadExercise(root, ID).solution[FILE] },
  );
  await page.goto(`/exercises/${ID}/`);
  await expect(page.getByText('Checks run on: Local grader (npm start).')).toBeVisible({ timeout: 20_000 });
  const isolation = page.locator('[data-isolation]');
  await expect(isolation).toBeHidden();
  await page.getByRole('button', { name: 'Run checks' }).click();
  // bubblewrap where the machine has it (CI installs it), else Node's permission model.
  await expect(isolation).toContainText(/^Ran isolated: bubblewrap sandbox|^Ran isolated by Node's permission model/, {
    timeout: 60_000,
  });
  const shown = await isolation.textContent();
  await page.reload();
  await expect(isolation).toHaveText(shown ?? '', { timeout: 20_000 });
});

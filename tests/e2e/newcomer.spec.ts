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

test.describe('portable links and progress', () => {
  test('a set link made on another host and port opens here when pasted on the home page', async ({ page }) => {
    const set = {
      format: 'backend-workbook/exercise-set',
      version: 1,
      id: 'portable-set',
      title: 'Portable set',
      mentor: 'Dana Mentor',
      exercises: [{ id: 'task-entity-complete' }],
    };
    const { deflateRawSync } = await import('node:zlib');
    const foreignLink = `http://localhost:9999/assign/#set=v1.${deflateRawSync(Buffer.from(JSON.stringify(set))).toString('base64url')}`;
    await page.goto('/');
    const paste = page.getByRole('textbox', { name: 'Paste a link from your mentor' });
    await paste.fill('http://localhost:9999/weeks/1/');
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'no "#set=…" part' })).toBeVisible();
    await paste.fill(foreignLink);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/assign\/#set=v1\./);
    await expect(page.getByRole('status')).toContainText('Added to your assignments: "Portable set"');
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Portable set' })).toBeVisible();
  });

  test('progress exports to a file and imports on another address after showing the changes', async ({
    page,
    browser,
    baseURL,
  }) => {
    // No progress at this address yet: the home page says why that may be and what to do.
    await page.goto('/');
    const card = page.getByRole('region', { name: 'Your progress file' });
    await expect(card.getByText('No progress is saved at this address')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    // Some progress, then export it.
    const now = new Date().toISOString();
    await page.evaluate((updatedAt) => {
      localStorage.setItem(
        'workbook:progress',
        JSON.stringify({
          version: 1,
          exercises: {
            'task-entity-complete': {
              files: { 'src/domain/task/task.entity.ts': '// my work' },
              status: 'passed',
              attempts: 2,
              hintsUsed: 1,
              solutionViewed: false,
              updatedAt,
            },
          },
          milestones: { proposal: 'done' },
        }),
      );
    }, now);
    await page.reload();
    await expect(card.getByText('No progress is saved at this address')).toBeHidden();
    const downloading = page.waitForEvent('download');
    await card.getByRole('button', { name: 'Export progress' }).click();
    const file = await (await downloading).path();
    const { readFileSync } = await import('node:fs');
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { format: string; progress: Record<string, unknown> };
    expect(exported.format).toBe('backend-workbook/progress');
    expect(exported.progress['milestones']).toEqual({ proposal: 'done' });

    // Another address (localhost instead of 127.0.0.1) starts empty; the file brings it over.
    const other = await browser.newContext({ baseURL: (baseURL ?? '').replace('127.0.0.1', 'localhost') });
    try {
      const p = await other.newPage();
      await p.goto('/');
      const there = p.getByRole('region', { name: 'Your progress file' });
      await expect(there.getByText('No progress is saved at this address (http://localhost:')).toBeVisible();
      await there.getByLabel('Import a progress file').setInputFiles({
        name: 'broken.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{"format": "backend-workbook/progress", "vers'),
      });
      await expect(there.getByRole('alert')).toContainText('Not imported: "broken.json" is not a JSON file');
      await there.getByLabel('Import a progress file').setInputFiles(file);
      await expect(there.getByRole('listitem').first()).toContainText('added (passed, 2 runs)');
      await expect(there.getByRole('listitem').nth(1)).toContainText('milestones: added from the file.');
      // Nothing is saved before the learner agrees.
      expect(await p.evaluate(() => localStorage.getItem('workbook:progress'))).toBeNull();
      await there.getByRole('button', { name: 'Merge into my progress' }).click();
      await expect(there.getByRole('status')).toHaveText('Merged: your progress here now includes the file.');
      await expect(there.getByText('No progress is saved at this address')).toBeHidden();
      const saved = await p.evaluate(() => JSON.parse(localStorage.getItem('workbook:progress') ?? '{}'));
      expect(saved.exercises['task-entity-complete'].files).toEqual({ 'src/domain/task/task.entity.ts': '// my work' });
      expect(saved.milestones).toEqual({ proposal: 'done' });
      // Importing the same file again changes nothing and says so.
      await there.getByLabel('Import a progress file').setInputFiles(file);
      await expect(there.getByRole('status')).toContainText('holds nothing new');
    } finally {
      await other.close();
    }
  });
});

test('a pass in the workbook CLI imports into the page from .workbook/progress.json', async ({ page }) => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const { recordCliRun } = await import('../../grader/cli-progress.ts');
  const { checkReport } = await import('../../src/mentor/fixtures.ts');
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'cli-progress-')), 'progress.json');
  recordCliRun(
    file,
    'task-entity-complete',
    { 'src/domain/task/task.entity.ts': '// from the CLI' },
    {
      ...checkReport('task-entity-complete', 'passed'),
      engine: 'cli',
    },
  );
  await page.goto('/');
  const card = page.getByRole('region', { name: 'Your progress file' });
  await expect(card).toContainText('.workbook/progress.json');
  await card.getByLabel('Import a progress file').setInputFiles(file);
  await expect(card.getByText('from workbook CLI', { exact: false })).toBeVisible();
  await card.getByRole('button', { name: 'Merge into my progress' }).click();
  await page.goto('/exercises/');
  await expect(page.getByRole('listitem').filter({ hasText: 'Complete a task' }).locator('[data-exercise]')).toHaveText(
    'Passed',
  );
});

test.describe('catalog', () => {
  test('is in ladder order, shows needs and engines, and keeps status and difficulty filters in the URL', async ({
    page,
  }) => {
    const { loadExercises } = await import('../../src/catalog/load.ts');
    // loadExercises is the ladder: week, then each week's `order`.
    const manifests = loadExercises(process.cwd()).map((e) => e.manifest);
    await page.goto('/exercises/');
    const cards = page.getByRole('main').getByRole('listitem');
    const titles = await cards.getByRole('heading', { level: 2 }).allInnerTexts();
    expect(titles).toEqual(manifests.map((m) => m.title));

    const redis = manifests.find((m) => m.needs?.includes('redis'));
    if (redis) await expect(cards.filter({ hasText: redis.title })).toContainText('needs Redis');
    await expect(cards.first()).toContainText('graded by: local grader');

    // A passed exercise, then filter by status and difficulty: the URL keeps the choice.
    const first = manifests[0]!;
    await page.evaluate((id) => {
      const updatedAt = new Date().toISOString();
      const entry = { files: {}, status: 'passed', attempts: 1, hintsUsed: 0, solutionViewed: false, updatedAt };
      localStorage.setItem('workbook:progress', JSON.stringify({ version: 1, exercises: { [id]: entry } }));
    }, first.id);
    await page.reload();
    await page.getByRole('combobox', { name: 'Status' }).selectOption('passed');
    await expect(page).toHaveURL(/\/exercises\/\?status=passed$/);
    await expect(cards.filter({ visible: true })).toHaveCount(1);
    await expect(cards.filter({ visible: true })).toContainText(first.title);

    await page.getByRole('combobox', { name: 'Status' }).selectOption('');
    await page.getByRole('combobox', { name: 'Difficulty' }).selectOption('advanced');
    await expect(page).toHaveURL(/\/exercises\/\?difficulty=advanced$/);
    const advanced = await cards.filter({ visible: true }).count();
    expect(advanced).toBeGreaterThan(0);
    expect(advanced).toBeLessThan(manifests.length);

    // Opening the URL restores the filter (a bookmarked or shared view).
    await page.goto('/exercises/?status=passed&week=1');
    await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('passed');
    await expect(page.getByRole('combobox', { name: 'Week' })).toHaveValue('1');
    await expect(page.getByRole('status').filter({ hasText: /of \d+ exercises/ })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('chapter cards and the mentor form show competencies by their labels', async ({ page }) => {
    await page.goto('/weeks/1/');
    const practice = page.getByRole('region', { name: 'Exercises for this week' });
    await expect(practice.locator('.badge.competency').first()).toBeVisible();
    for (const text of await practice.locator('.badge.competency').allInnerTexts()) expect(text).not.toMatch(/-/);
    await page.goto('/mentor/');
    const picks = await page.locator('.picks .muted').allInnerTexts();
    expect(picks.some((t) => /CQRS|Clean architecture/.test(t))).toBe(true);
    for (const text of picks) expect(text).not.toMatch(/[a-z]-[a-z]/);
  });
});

test.describe('mentor form', () => {
  test('says next to each field what is missing, in plain words, and counts the selected exercises', async ({
    page,
  }) => {
    await page.goto('/mentor/');
    const count = page.getByRole('status').filter({ hasText: 'selected' });
    await expect(count).toHaveText('0 exercises selected');
    await page.getByRole('button', { name: 'Create link' }).click();
    const title = page.getByLabel('Set title');
    await expect(title).toHaveAttribute('aria-invalid', 'true');
    await expect(title).toHaveAccessibleDescription(/Give the set a title of 3 to 120 characters/);
    await expect(page.getByLabel('Your name')).toHaveAccessibleDescription(/Write your name/);
    await expect(page.getByText('Tick at least one exercise below')).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('Set title, Your name, Exercises');

    await page.getByRole('checkbox').nth(0).check();
    await page.getByRole('checkbox').nth(1).check();
    await expect(count).toHaveText('2 exercises selected');
    await title.fill('Week 1 warm-up');
    await page.getByLabel('Your name').fill('Dana Mentor');
    await page.getByRole('button', { name: 'Create link' }).click();
    await expect(title).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Tick at least one exercise below')).toBeHidden();
    await expect(page.getByRole('textbox', { name: 'Assignment link' })).toHaveValue(/#set=v1\./);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test.describe('search', () => {
  test('finds an exercise once, with an excerpt free of badge text, and a focus ring that is not the error colour', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Search' }).click();
    const dialog = page.getByRole('dialog', { name: 'Search the workbook' });
    const box = dialog.getByRole('textbox');
    await box.fill('Complete a task');
    const results = dialog.locator('.pagefind-ui__result');
    await expect(results.first()).toBeVisible();
    await expect(dialog.locator('.pagefind-ui__message')).toContainText('result');
    // One result per page (its first link); sub-results of the same page are its sections.
    const hrefs = await results.evaluateAll((items) =>
      items.map((item) => new URL(item.querySelector('a')?.href ?? 'about:blank').pathname),
    );
    const exercisePages = hrefs.filter((h) => h.startsWith('/exercises/task-entity-complete/'));
    expect(exercisePages, `results: ${hrefs.join(', ')}`).toHaveLength(1);
    // The catalog and the chapter's exercise cards are not results for the exercise.
    expect(hrefs).not.toContain('/exercises/');
    const excerpts = (await dialog.locator('.pagefind-ui__result-excerpt').allInnerTexts()).join('\n');
    expect(excerpts).not.toMatch(/Not started|beginner ?implement|intermediate ?implement|write the tests/i);

    // The focused search box wears the accent ring, not the red used for errors.
    await box.focus();
    const ring = await box.evaluate((el) => getComputedStyle(el).outlineColor);
    const error = await page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--focus').trim(),
    );
    expect(ring).not.toBe('rgb(179, 38, 30)');
    expect(error).toBe('#b3261e');
  });
});

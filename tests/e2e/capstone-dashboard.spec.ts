// Capstone milestones from the intern's export to the mentor's dashboard: the intern attaches the
// project archive to "Export report" (milestone results come from progress, with their isolation);
// the mentor imports the report, sees m1…m4 per intern, and "Re-grade milestones" runs the real m1
// suite on the archive through the real local server in bubblewrap — a claimed pass whose service
// answers 404 to everything comes back mismatched.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page, TestInfo } from '@playwright/test';
import { packTarGz } from '../../grader/project/archive.ts';
import { sampleSet } from '../../src/mentor/fixtures.ts';
import { expect, test } from './fixtures.ts';

const archive = packTarGz(
  new Map([
    ['my-task-service/package.json', '{"name":"p","private":true,"scripts":{"start":"node server.js"}}\n'],
    ['my-task-service/workbook.project.json', '{"version":1,"name":"p","milestones":{}}\n'],
    [
      'my-task-service/server.js',
      "require('node:http').createServer((q, s) => { s.writeHead(404, { 'content-type': 'application/json' }); s.end('{}'); }).listen(Number(process.env.PORT), process.env.HOST);\n",
    ],
  ]),
);

/** The intern's browser: one assignment, a claimed pass of m1 (as a hand-edited progress would say), exported with `project`. */
async function exportClaimedPass(page: Page, testInfo: TestInfo, project: Buffer): Promise<string> {
  const now = new Date().toISOString();
  await page.goto('/');
  await page.evaluate(
    ({ set, now }) => {
      localStorage.setItem(
        'workbook:assignments',
        JSON.stringify({ version: 1, assignments: [{ set, addedAt: now }] }),
      );
      const report = {
        version: 1,
        exerciseId: 'project-m1',
        status: 'passed',
        checks: [{ name: 'forged', status: 'passed', durationMs: 1 }],
        durationMs: 5,
        engine: 'cli',
        isolation: 'bubblewrap',
        finishedAt: now,
      };
      const entry = {
        files: {},
        status: 'passed',
        attempts: 1,
        firstPassedAt: now,
        hintsUsed: 0,
        solutionViewed: false,
        lastReport: report,
        updatedAt: now,
      };
      localStorage.setItem('workbook:progress', JSON.stringify({ version: 1, exercises: { 'project-m1': entry } }));
    },
    { set: sampleSet(), now },
  );
  await page.reload();
  await page.getByLabel('Your name').fill('Ada Lovelace');
  const archiveFile = testInfo.outputPath('my-task-service.tar.gz');
  writeFileSync(archiveFile, project);
  await page.getByLabel(/Capstone project \(optional/).setInputFiles(archiveFile);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: `Export report for ${sampleSet().title}` }).click(),
  ]);
  const reportPath = testInfo.outputPath('report.json');
  await download.saveAs(reportPath);
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  expect(report.milestones).toEqual([expect.objectContaining({ milestone: 'm1', status: 'passed' })]);
  expect(Buffer.from(report.projectArchive, 'base64').equals(project)).toBe(true);
  return reportPath;
}

test('an intern exports milestones with the project archive; the mentor sees them and re-grades: a forged pass is mismatched', async ({
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  const reportPath = await exportClaimedPass(page, testInfo, archive);

  // The mentor's dashboard.
  await page.goto('/mentor/dashboard/');
  await page.locator('[data-files]').setInputFiles(reportPath);
  const section = page.getByRole('region', { name: 'Capstone milestones' });
  const m1 = section.locator('td[data-milestone="m1"]');
  await expect(m1).toContainText('Passed');
  await expect(m1).toContainText("intern's run: bubblewrap");
  await expect(section.getByRole('columnheader', { name: 'm4' })).toBeVisible();
  await page.getByRole('button', { name: 'Re-grade milestones' }).click();
  await expect(page.getByText(/^Milestone re-grade finished: 0 verified, 1 mismatched/)).toBeVisible({
    timeout: 240_000,
  });
  await expect(m1).toContainText('mismatched: The report claims a pass, but the checks say failed');
  await expect(m1).toContainText('re-grade: bubblewrap');
});

/** grader/project/fixtures/slow-service packed as an intern would: a re-grade of it runs long enough to cancel. */
const slowArchive = () => {
  const fixture = resolve(import.meta.dirname, '..', '..', 'grader', 'project', 'fixtures', 'slow-service');
  return packTarGz(
    new Map(readdirSync(fixture).map((name) => [`my-slow-service/${name}`, readFileSync(join(fixture, name))])),
  );
};

test('a running milestone re-grade is cancelled with Cancel or Escape: the page says so, no verdict is saved, the next starts at once', async ({
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  const reportPath = await exportClaimedPass(page, testInfo, slowArchive());
  await page.goto('/mentor/dashboard/');
  await page.locator('[data-files]').setInputFiles(reportPath);
  const section = page.getByRole('region', { name: 'Capstone milestones' });
  const m1 = section.locator('td[data-milestone="m1"]');
  await expect(m1).toContainText('Passed');
  const regrade = section.getByRole('button', { name: 'Re-grade milestones' });
  const cancel = section.getByRole('button', { name: 'Cancel' });
  const status = section.getByRole('status');
  await expect(cancel).toBeHidden();
  await regrade.click();
  // The button that started it is disabled: keyboard focus moves to Cancel.
  await expect(regrade).toBeDisabled();
  await expect(cancel).toBeFocused();
  // Mid-run: the slow service answers and the suite's first check has landed.
  await expect(status).toContainText(/1 check\(s\) done/, { timeout: 240_000 });
  await cancel.click();
  await expect(status).toHaveText(/^Cancelled — nothing was recorded for Ada Lovelace's m1\./);
  await expect(cancel).toBeHidden();
  await expect(regrade).toBeEnabled();
  await expect(regrade).toBeFocused();
  await expect(m1).not.toContainText('re-grade:');
  // Again at once, from the keyboard: Enter on the button, then Escape (focus is on Cancel, in the section).
  await regrade.press('Enter');
  await expect(cancel).toBeFocused();
  await expect(status).toContainText(/1 check\(s\) done/, { timeout: 240_000 });
  await page.keyboard.press('Escape');
  await expect(status).toHaveText(/^Cancelled — nothing was recorded/);
  // Nothing was saved: after a reload the cell still has no verdict.
  await page.reload();
  await expect(m1).toContainText('Passed');
  await expect(m1).not.toContainText('re-grade:');
  await expect(m1.locator('[class^="verdict-"]')).toHaveCount(0);
  // The server stopped the runs it no longer had a client for: no process works in a re-grade's folder.
  const regrades = resolve(import.meta.dirname, '..', '..', '.workbook', 'project-regrades');
  const inRegrades = () =>
    readdirSync('/proc').filter((pid) => {
      try {
        return /^\d+$/.test(pid) && readlinkSync(`/proc/${pid}/cwd`).startsWith(regrades);
      } catch {
        return false;
      }
    });
  await expect.poll(inRegrades, { timeout: 30_000 }).toEqual([]);
});

test('the export form refuses an archive a re-grade would refuse, says which entry and what to run, and exports nothing; the form keeps its state', async ({
  page,
}, testInfo) => {
  // A project packed by hand with system tar, holding a symbolic link (a re-grade refuses it).
  const folder = testInfo.outputPath('linked');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'package.json'), '{"name":"p"}\n');
  symlinkSync('/etc/passwd', join(folder, 'secrets.ts'));
  const linked = testInfo.outputPath('linked.tar.gz');
  execFileSync('tar', ['-czf', linked, '-C', folder, '.']);
  // 40 MB of zeros in 40 KB: the page's DecompressionStream must stop at its cap.
  const bomb = testInfo.outputPath('bomb.tar.gz');
  writeFileSync(bomb, gzipSync(Buffer.alloc(40 * 1024 * 1024), { level: 9 }));
  const good = testInfo.outputPath('my-task-service.tar.gz');
  writeFileSync(good, archive);

  await page.goto('/');
  await page.evaluate(
    ({ set, now }) =>
      localStorage.setItem(
        'workbook:assignments',
        JSON.stringify({ version: 1, assignments: [{ set, addedAt: now }] }),
      ),
    { set: sampleSet(), now: new Date().toISOString() },
  );
  await page.reload();
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByLabel('Your name').fill('Ada Lovelace');
  const field = page.getByLabel(/Capstone project \(optional/);
  const problem = page.locator('[data-archive-problem]');
  const exportButton = page.getByRole('button', { name: `Export report for ${sampleSet().title}` });

  // Checked when attached, before any export.
  await field.setInputFiles(linked);
  await expect(problem).toHaveText(
    'Not accepted: the project archive "linked.tar.gz" would be refused by your mentor\'s re-grade: "secrets.ts" is a symbolic link; a project archive holds only files and folders. Make it with `npx workbook project pack --dir <your project folder>` (from the workbook folder), attach the file it writes, and export again.',
  );
  // And again at export: nothing is exported, the name and the file stay.
  await exportButton.click();
  await expect(page.locator('workbook-assignments [data-status]')).toHaveText(
    'Cannot export: the attached project archive is not accepted (the message under it says why).',
  );
  await expect(page.getByLabel('Your name')).toHaveValue('Ada Lovelace');
  expect(await field.evaluate((input: HTMLInputElement) => input.files?.[0]?.name)).toBe('linked.tar.gz');

  await field.setInputFiles(bomb);
  await expect(problem).toContainText(
    '"bomb.tar.gz" would be refused by your mentor\'s re-grade: the archive unpacks to more than 16777216 bytes (16 MB)',
  );
  await exportButton.click();
  await expect(page.locator('workbook-assignments [data-status]')).toHaveText(
    /^Cannot export: the attached project archive is not accepted/,
  );
  expect(downloads).toBe(0);

  // A good archive clears the message and exports with the project.
  await field.setInputFiles(good);
  await expect(problem).toBeHidden();
  const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
  const reportPath = testInfo.outputPath('report.json');
  await download.saveAs(reportPath);
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  expect(Buffer.from(report.projectArchive, 'base64').equals(archive)).toBe(true);
  expect(report.intern).toEqual({ name: 'Ada Lovelace' });
});

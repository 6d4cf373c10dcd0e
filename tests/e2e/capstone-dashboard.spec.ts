// Capstone milestones from the intern's export to the mentor's dashboard: the intern attaches the
// project archive to "Export report" (milestone results come from progress, with their isolation);
// the mentor imports the report, sees m1…m4 per intern, and "Re-grade milestones" runs the real m1
// suite on the archive through the real local server in bubblewrap — a claimed pass whose service
// answers 404 to everything comes back mismatched.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
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

test('an intern exports milestones with the project archive; the mentor sees them and re-grades: a forged pass is mismatched', async ({
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  const now = new Date().toISOString();
  // The intern's browser: one assignment, and a claimed pass of m1 (as a hand-edited progress would say).
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
  writeFileSync(archiveFile, archive);
  await page.getByLabel(/Capstone project \(optional/).setInputFiles(archiveFile);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: `Export report for ${sampleSet().title}` }).click(),
  ]);
  const reportPath = testInfo.outputPath('report.json');
  await download.saveAs(reportPath);
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  expect(report.milestones).toEqual([expect.objectContaining({ milestone: 'm1', status: 'passed' })]);
  expect(Buffer.from(report.projectArchive, 'base64').equals(archive)).toBe(true);

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

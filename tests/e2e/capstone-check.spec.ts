// "Check milestone" on a milestone page, through a real `npm start` (its own, with WORKBOOK_PROJECTS
// naming a temporary folder for the project) and the real milestone suite against a real service
// in the grader's isolation: a tiny project whose `npm start` answers 404 to everything fails every
// M1 check with the contract's words. A check can be cancelled (Cancel, or Escape in the form):
// nothing is recorded and the next one starts at once. A folder that is not a project is refused
// with the server's reason; on a static host the page shows the terminal command instead.
import { type ChildProcess, spawn } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createStaticServer, listen } from '../../scripts/static-server.ts';
import { milestoneRules } from '../../src/build/capstone.ts';
import { expect, test } from './fixtures.ts';

const root = resolve(import.meta.dirname, '..', '..');
const projects = mkdtempSync(join(tmpdir(), 'workbook-e2e-projects-'));
const project = join(projects, 'my-task-service');
/** A copy of grader/project/fixtures/slow-service (requests but `GET /` answer after 1.5 s): a run long enough to cancel. */
const slowProject = join(projects, 'my-slow-service');
let server: ChildProcess | undefined;
let origin = '';
let terminal = '';

test.beforeAll(async () => {
  test.setTimeout(180_000);
  mkdirSync(project);
  writeFileSync(join(project, 'workbook.project.json'), '{"version":1,"name":"my-task-service","milestones":{}}\n');
  writeFileSync(
    join(project, 'package.json'),
    '{"name":"my-task-service","private":true,"scripts":{"start":"node server.js"}}\n',
  );
  writeFileSync(
    join(project, 'server.js'),
    `require('node:http').createServer((q, s) => { s.writeHead(404, { 'content-type': 'application/json' }); s.end('{"statusCode":404,"code":"NOT_FOUND","message":"nothing here"}'); }).listen(Number(process.env.PORT), process.env.HOST);\n`,
  );
  cpSync(join(root, 'grader', 'project', 'fixtures', 'slow-service'), slowProject, { recursive: true });
  server = spawn(process.execPath, ['scripts/start.ts', '--no-build'], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', WORKBOOK_PROJECTS: projects },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stderr?.on('data', (chunk: Buffer) => (terminal += chunk.toString()));
  origin = await new Promise<string>((resolveOrigin, reject) => {
    server?.stdout?.on('data', (chunk: Buffer) => {
      terminal += chunk.toString();
      const ready = /ready at (http:\/\/\S+?)\/? /.exec(terminal);
      if (ready?.[1]) resolveOrigin(ready[1]);
    });
    server?.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${terminal}`)));
  });
});
test.afterAll(() => {
  server?.kill();
  rmSync(projects, { recursive: true, force: true });
});

test('checks milestone 1 of a project from its page: every check streamed, isolation shown, progress kept, folder remembered', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.goto(`${origin}/capstone/m1/`);
  const folder = page.getByLabel(/Your project folder/);
  await folder.fill(project);
  // Streaming: each check event appends one item to the list; the final report redraws it whole.
  await page.evaluate(() => {
    const list = document.querySelector('check-milestone [data-checks]');
    const w = window as unknown as { streamed: number };
    w.streamed = 0;
    new MutationObserver((records) => {
      for (const r of records) if (r.addedNodes.length === 1 && r.removedNodes.length === 0) w.streamed++;
    }).observe(list as Node, { childList: true });
  });
  await page.getByRole('button', { name: 'Check milestone' }).click();
  const results = page.getByRole('region', { name: 'Check results' });
  await expect(results.getByText(/^Running/)).toBeVisible();
  const checks = (milestoneRules(root, 'm1') ?? []).flatMap((r) => (r.check ? [r.check] : []));
  await expect(results.getByText(`0 of ${checks.length} checks passed.`)).toBeVisible({ timeout: 240_000 });
  await expect(results.getByRole('listitem')).toHaveCount(checks.length);
  expect(await page.evaluate(() => (window as unknown as { streamed: number }).streamed)).toBe(checks.length);
  await expect(results.getByRole('listitem').first()).toContainText('Failed');
  await expect(results).toContainText('POST /auth/register answered 404 NOT_FOUND; the contract says 201.');
  const isolation = page.locator('check-milestone [data-isolation]');
  await expect(isolation).toBeVisible();
  await expect(isolation).toContainText(/Your service ran/);
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('workbook:progress') ?? '{}'));
  expect(saved.exercises?.['project-m1']?.status).toBe('attempted');
  expect(saved.exercises?.['project-m1']?.lastReport?.isolation).toMatch(/^(bubblewrap|none)$/);
  await page.reload();
  await expect(page.getByLabel(/Your project folder/)).toHaveValue(project);
});

test('a running check is cancelled with Cancel or Escape: the page says so, nothing is recorded, the next starts at once', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.goto(`${origin}/capstone/m1/`);
  const folder = page.getByLabel(/Your project folder/);
  await folder.fill(slowProject);
  const check = page.getByRole('button', { name: 'Check milestone' });
  const cancel = page.getByRole('button', { name: 'Cancel' });
  await expect(cancel).toBeHidden();
  await check.click();
  // The button that started it is disabled: keyboard focus moves to Cancel.
  await expect(check).toBeDisabled();
  await expect(cancel).toBeFocused();
  const results = page.getByRole('region', { name: 'Check results' });
  // Mid-run: the service answers and the first check has landed.
  await expect(results.getByRole('listitem').first()).toBeVisible({ timeout: 240_000 });
  await cancel.click();
  await expect(results).toContainText('Cancelled — nothing was recorded.');
  await expect(cancel).toBeHidden();
  await expect(check).toBeEnabled();
  await expect(check).toBeFocused();
  // Again at once, from the keyboard: Enter in the folder field, then Escape there.
  await folder.press('Enter');
  await expect(results.getByText(/^Running/)).toBeVisible();
  await expect(results.getByRole('listitem').first()).toBeVisible({ timeout: 240_000 });
  await expect(results).not.toContainText(/HTTP 409|already running/);
  await folder.press('Escape');
  await expect(results).toContainText('Cancelled — nothing was recorded.');
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('workbook:progress') ?? '{}'));
  expect(saved.exercises?.['project-m1']).toBeUndefined();
  expect(JSON.parse(readFileSync(join(slowProject, 'workbook.project.json'), 'utf8')).milestones).toEqual({});
  // The server stopped the run it no longer had a client for: no process works in the project any more.
  const inProject = () =>
    readdirSync('/proc').filter((pid) => {
      try {
        return /^\d+$/.test(pid) && readlinkSync(`/proc/${pid}/cwd`).startsWith(slowProject);
      } catch {
        return false;
      }
    });
  await expect.poll(inProject, { timeout: 30_000 }).toEqual([]);
});

test('a folder that is not a project is refused with the reason, and nothing runs', async ({ page }) => {
  await page.goto(`${origin}/capstone/m1/`);
  await page.getByLabel(/Your project folder/).fill('/etc');
  await page.getByRole('button', { name: 'Check milestone' }).click();
  const results = page.getByRole('region', { name: 'Check results' });
  await expect(results).toContainText(/HTTP 403.*\/etc is outside the folders projects may live in/);
  await page.getByLabel(/Your project folder/).fill(projects);
  await page.getByRole('button', { name: 'Check milestone' }).click();
  await expect(results).toContainText(/HTTP 403/);
  mkdirSync(join(projects, 'not-a-project'), { recursive: true });
  await page.getByLabel(/Your project folder/).fill(join(projects, 'not-a-project'));
  await page.getByRole('button', { name: 'Check milestone' }).click();
  await expect(results).toContainText(/HTTP 400.*not a capstone project: it has no workbook.project.json/);
});

test.describe('on a static host', () => {
  let staticServer: Server;
  let staticOrigin: string;
  test.beforeAll(async () => {
    staticServer = createStaticServer(resolve(root, process.env['WORKBOOK_DIST'] ?? 'dist'));
    staticOrigin = await listen(staticServer, 0);
  });
  test.afterAll(() => staticServer?.close());

  test('the page says no local server answers and shows the terminal command instead', async ({ page }) => {
    await page.goto(`${staticOrigin}/capstone/m2/`);
    const status = page.locator('check-milestone [data-availability]');
    await expect(status).toContainText('No local workbook server answers here');
    await expect(status.locator('code')).toHaveText('npm run workbook -- project check m2 --dir ../my-task-service');
    await expect(page.getByRole('button', { name: 'Check milestone' })).toBeHidden();
  });
});

// `npm start` without Redis: the workbook still serves and grades, and an exercise whose checks
// need Redis says so above its editor (what is missing and the command that starts it), with the
// same words as the terminal notice; an exercise that needs nothing says nothing. Starts its own
// workbook server with REDIS_URL pointing at a closed port (the shared one has a real Redis).
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';

const root = join(import.meta.dirname, '..', '..');
const REDIS_EXERCISE = 'cache-aside-get-task';
const PURE_EXERCISE = 'task-entity-complete';

let server: ChildProcess | undefined;
let origin = '';
let terminal = '';

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = spawn(process.execPath, ['scripts/start.ts', '--no-build'], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', REDIS_URL: 'redis://127.0.0.1:1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stderr?.on('data', (chunk: Buffer) => (terminal += chunk.toString()));
  origin = await new Promise<string>((resolve, reject) => {
    server?.stdout?.on('data', (chunk: Buffer) => {
      terminal += chunk.toString();
      const ready = /ready at (http:\/\/\S+?)\/? /.exec(terminal);
      // The services notice is printed right after the ready line: wait for both.
      if (ready?.[1] && terminal.includes('Redis is not running')) resolve(ready[1]);
    });
    server?.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${terminal}`)));
  });
  // The page picks its engine from one health answer: wait until this just-started server answers
  // it promptly (busy starting its grader at load ~12, it once did not, and the page fell back to
  // the in-browser runtime, which is not what this test is about).
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(1_500) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
});
test.afterAll(() => {
  server?.kill();
});

const services = (page: import('@playwright/test').Page) => page.getByRole('note', { name: 'Missing infrastructure' });

test('an exercise that needs a missing Redis says so, with the command that starts it; one that needs nothing does not', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await page.goto(`${origin}/exercises/${REDIS_EXERCISE}/`);
  // A second workbook server starting its grader beside the shared one: 30 s was not enough at load ~18.
  await expect(page.getByText('Checks run on: Local grader (npm start).')).toBeVisible({ timeout: 60_000 });
  const notice = services(page);
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(/^Redis is not running, so this exercise's checks cannot run here yet/);
  await expect(notice).toContainText('nothing answered at redis://127.0.0.1:1');
  await expect(notice.locator('code')).toHaveText(/^redis-server /);
  // The same source of truth as the terminal: the fix the page shows is the one `npm start` printed.
  const fix = (await notice.textContent())?.slice((await notice.textContent())?.indexOf('Redis: ') ?? 0) ?? '';
  expect(fix.length).toBeGreaterThan(20);
  expect(terminal.replace(/`/g, '')).toContain(fix.trim());

  await page.goto(`${origin}/exercises/${PURE_EXERCISE}/`);
  await expect(page.getByText('Checks run on: Local grader (npm start).')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('workbook-exercise[data-services-checked]')).toBeVisible({ timeout: 20_000 });
  await expect(services(page)).toBeHidden();

  // The catalog says it once, naming the badge that marks those exercises.
  await page.goto(`${origin}/exercises/`);
  await expect(services(page)).toContainText(
    /^Redis is not running, so the exercises marked “needs Redis” cannot be checked here yet/,
  );
  await expect(services(page).locator('code')).toHaveText(/^redis-server /);
});

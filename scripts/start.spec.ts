// `npm start` as a learner runs it: the real script in a child process, serving a prepared build.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const script = join(root, 'scripts', 'start.ts');
let dist: string;
let child: ChildProcess | undefined;
/** Everything the last started script printed. */
let output = '';

beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'workbook-start-'));
  mkdirSync(join(dist, 'weeks', '1'), { recursive: true });
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><html><head><meta name="workbook-token" content=""></head><body>home</body></html>',
  );
  writeFileSync(join(dist, 'weeks', '1', 'index.html'), '<!doctype html><title>week 1</title>');
});

afterAll(() => {
  child?.kill('SIGTERM');
  rmSync(dist, { recursive: true, force: true });
});

/** Starts the script and resolves with the URL it logs. */
function start(env: Record<string, string>): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    child = spawn(process.execPath, [script, '--no-build'], { cwd: root, env: { ...process.env, ...env } });
    output = '';
    const timer = setTimeout(() => reject(new Error(`start.ts printed no URL in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /ready at (http:\/\/\S+\/)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolveUrl(url);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`start.ts exited with ${code}:\n${output}`));
    });
  });
}

describe('scripts/start.ts', () => {
  it('serves the build on the HOST and PORT given, cross-origin isolated, and logs the URL', async () => {
    const url = await start({ WORKBOOK_DIST: dist, HOST: '127.0.0.1', PORT: '0' });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const home = await fetch(url);
    expect(home.status).toBe(200);
    expect(home.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(home.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(await home.text()).toContain('home');
    const week = await fetch(new URL('/weeks/1', url), { redirect: 'manual' });
    expect(week.status).toBe(301);
    child?.kill('SIGTERM');
    await new Promise((done) => child?.once('exit', done));
    child = undefined;
  });

  it('serves without Redis and says which exercises need it and how to start it', async () => {
    const url = await start({ WORKBOOK_DIST: dist, HOST: '127.0.0.1', PORT: '0', REDIS_URL: 'redis://127.0.0.1:1' });
    expect((await fetch(url)).status).toBe(200);
    await expect
      .poll(() => output, { timeout: 10_000 })
      .toMatch(/Redis is not running, so the \d+ exercise\(s\) that need it/);
    expect(output).toContain('redis-server --daemonize yes');
    child?.kill('SIGTERM');
    await new Promise((done) => child?.once('exit', done));
    child = undefined;
  });

  it('refuses --no-build without a build, saying what to run', () => {
    const run = spawnSync(process.execPath, [script, '--no-build'], {
      cwd: root,
      env: { ...process.env, WORKBOOK_DIST: join(dist, 'missing') },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('run "npm run build" first');
  });

  it('rejects a PORT that is not a port number', () => {
    const run = spawnSync(process.execPath, [script, '--no-build'], {
      cwd: root,
      env: { ...process.env, WORKBOOK_DIST: dist, PORT: 'eighty' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('PORT must be a whole number from 0 to 65535, got "eighty"');
  });
});

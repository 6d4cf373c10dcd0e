// POST /api/project-check over real HTTP: the shared guard, the folder rules (a hostile or mistaken
// path never reaches the grader) and the NDJSON stream. A scripted check stands in for the suite;
// tests/e2e/capstone.spec.ts runs the real one against a real service.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_CHECK_PATH, PROJECT_REGRADE_PATH, TOKEN_HEADER } from '../src/schemas/grade-api.ts';
import type { ProjectMilestone } from '../src/schemas/project.ts';
import type { CheckReport, GradeEvent } from '../src/schemas/report.ts';
import { createApiGuard } from './api-guard.ts';
import { createProjectCheckRoute, resolveProjectDir } from './project-check-api.ts';

const TOKEN = 'test-token';
const workbook = resolve(import.meta.dirname, '..');
let server: Server;
let host: string;
let base: string;
let projects: string;
const ran: { milestone: ProjectMilestone; dir: string }[] = [];
let release: (() => void) | undefined;
const regraded: { milestone: ProjectMilestone; bytes: number }[] = [];
/** What the scripted check of a folder named `cancel` saw: the abort, then its clean-up's end. */
const cancelLog: string[] = [];
/** What the route handed to `record`, and when: only reports their client received in full. */
const recorded: { milestone: ProjectMilestone; dir: string; status: string }[] = [];
/** Runs of a folder named `late-pass` that returned their pass (after their client had left). */
const latePasses: string[] = [];
/** Ends the scripted clean-up of a cancelled run (the test decides when). */
let cleanedUp: (() => void) | undefined;

beforeAll(async () => {
  projects = mkdtempSync(join(tmpdir(), 'workbook-projects-'));
  const route = createProjectCheckRoute({
    guard: createApiGuard(() => [host], TOKEN),
    workbookRoot: workbook,
    roots: [projects],
    milestones: () => ['m1', 'm2'],
    record: (milestone, dir, report) => recorded.push({ milestone, dir, status: report.status }),
    async regrade(milestone, archive, onEvent) {
      regraded.push({ milestone, bytes: archive.length });
      onEvent({ type: 'started', exerciseId: `project-${milestone}`, checks: [] });
      return {
        version: 1,
        exerciseId: `project-${milestone}`,
        status: 'passed',
        checks: [],
        durationMs: 3,
        engine: 'local',
        isolation: 'bubblewrap',
        finishedAt: new Date().toISOString(),
      };
    },
    async check(milestone, dir, onEvent: (e: GradeEvent) => void, signal: AbortSignal): Promise<CheckReport> {
      ran.push({ milestone, dir });
      if (!dir.endsWith('cancel') && cancelLog.length) cancelLog.push(`started ${milestone}`);
      onEvent({ type: 'started', exerciseId: `project-${milestone}`, checks: ['a'] });
      onEvent({ type: 'check', check: { name: 'a', status: 'failed', durationMs: 1, message: 'answered 404' } });
      if (dir.endsWith('slow')) await new Promise<void>((r) => (release = r));
      if (dir.endsWith('cancel')) {
        // As checkProject does: run until aborted, then clean up (here 300 ms) before resolving.
        await new Promise<void>((r) => signal.addEventListener('abort', () => r(), { once: true }));
        cancelLog.push('aborted');
        await new Promise<void>((r) => (cleanedUp = r));
        cancelLog.push('cleaned up');
      }
      // A run that passed just as its client left: its last check ended before the abort was seen.
      if (dir.endsWith('late-pass'))
        await new Promise<void>((r) => signal.addEventListener('abort', () => r(), { once: true }));
      const passes = dir.endsWith('passes') || dir.endsWith('late-pass');
      if (dir.endsWith('late-pass')) latePasses.push(dir);
      return {
        version: 1,
        exerciseId: `project-${milestone}`,
        status: passes ? 'passed' : 'failed',
        checks: [{ name: 'a', status: 'failed', durationMs: 1, message: 'answered 404' }],
        durationMs: 3,
        engine: 'local',
        isolation: 'bubblewrap',
        finishedAt: new Date().toISOString(),
      };
    },
  });
  server = createServer((req, res) => void route(req, res).then((handled) => handled || res.writeHead(404).end()));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  base = `http://${host}`;
});
afterAll(() => {
  server.close();
  rmSync(projects, { recursive: true, force: true });
});

function project(name: string, marker: string | null = '{"version":1,"name":"p","milestones":{}}'): string {
  const dir = join(projects, name);
  mkdirSync(dir, { recursive: true });
  if (marker !== null) writeFileSync(join(dir, 'workbook.project.json'), marker);
  return dir;
}

const post = (body: unknown, headers: Record<string, string> = { [TOKEN_HEADER]: TOKEN }, path = PROJECT_CHECK_PATH) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

async function refused(response: Response, status: number, message: RegExp): Promise<void> {
  expect(response.status).toBe(status);
  expect(((await response.json()) as { error: string }).error).toMatch(message);
}

describe('POST /api/project-check', () => {
  it('refuses a request without the token, or from another origin (the guard /api/grade uses)', async () => {
    const dir = project('ok-guard');
    await refused(await post({ milestone: 'm1', dir }, {}), 403, /Missing or wrong x-workbook-token/);
    await refused(
      await post({ milestone: 'm1', dir }, { [TOKEN_HEADER]: TOKEN, origin: 'http://evil.example' }),
      403,
      /Origin "http:\/\/evil.example" may not use/,
    );
    expect(ran).toEqual([]);
  });

  it('refuses malformed bodies naming the field, and a milestone without a suite', async () => {
    await refused(await post('{not json'), 400, /not valid JSON/);
    await refused(await post({ milestone: 'm9', dir: '/x' }), 400, /Field "milestone"/);
    await refused(await post({ milestone: 'm1', dir: '/x', extra: 1 }), 400, /Unrecognized key/);
    await refused(await post({ milestone: 'm3', dir: project('ok-m3') }), 404, /m3 has no acceptance suite yet/);
  });

  it('refuses folders that are not a project in reach, before anything runs', async () => {
    await refused(await post({ milestone: 'm1', dir: 'my-task-service' }), 400, /give the full path/);
    await refused(await post({ milestone: 'm1', dir: join(projects, 'missing') }), 400, /does not exist/);
    await refused(await post({ milestone: 'm1', dir: '/etc' }), 403, /outside the folders projects may live in/);
    expect(() => resolveProjectDir('/etc', { roots: ['/'], workbookRoot: workbook })).toThrow(/outside the folders/);
    await refused(await post({ milestone: 'm1', dir: projects }), 403, /outside the folders projects may live in/);
    await refused(await post({ milestone: 'm1', dir: join(workbook, 'service') }), 403, /the workbook's own folder/);
    await refused(await post({ milestone: 'm1', dir: project('bare', null) }), 400, /has no workbook.project.json/);
    await refused(
      await post({ milestone: 'm1', dir: project('bad-marker', '{"version":2}') }),
      400,
      /workbook.project.json: field "version"/,
    );
    // A symlinked marker would make any folder look like a project; a symlinked folder is judged by where it leads.
    const linked = project('linked-marker', null);
    symlinkSync(join(project('real'), 'workbook.project.json'), join(linked, 'workbook.project.json'));
    await refused(await post({ milestone: 'm1', dir: linked }), 400, /must be a plain file/);
    symlinkSync('/etc', join(projects, 'to-etc'));
    await refused(await post({ milestone: 'm1', dir: join(projects, 'to-etc') }), 403, /\/etc is outside/);
    expect(ran).toEqual([]);
  });

  it('streams the check events and the report for a project, one run at a time', async () => {
    const dir = project('slow');
    const first = await post({ milestone: 'm2', dir });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/application\/x-ndjson/);
    await expect.poll(() => release).toBeDefined();
    await refused(await post({ milestone: 'm1', dir: project('other') }), 409, /already running \(m2 of .*slow\)/);
    release?.();
    const events = (await first.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as GradeEvent);
    expect(events.map((e) => e.type)).toEqual(['started', 'check', 'report']);
    expect(ran).toEqual([{ milestone: 'm2', dir }]);
  });

  it('a client that goes away aborts its run; the next request waits for the clean-up instead of a 409', async () => {
    const client = new AbortController();
    const first = await fetch(`${base}${PROJECT_CHECK_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN },
      body: JSON.stringify({ milestone: 'm1', dir: project('cancel') }),
      signal: client.signal,
    });
    expect(first.status).toBe(200);
    // The stream is under way (the started event arrived), then the page cancels.
    const reader = first.body?.getReader();
    const chunk = await reader?.read();
    expect(new TextDecoder().decode(chunk?.value)).toContain('"type":"started"');
    client.abort();
    await expect.poll(() => cancelLog).toEqual(['aborted']);
    // A request whose client leaves while it waits for the clean-up starts nothing.
    const leaving = new AbortController();
    const left = fetch(`${base}${PROJECT_CHECK_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN },
      body: JSON.stringify({ milestone: 'm1', dir: project('left-while-waiting') }),
      signal: leaving.signal,
    });
    await new Promise((r) => setTimeout(r, 200));
    leaving.abort();
    await expect(left).rejects.toThrow();
    // Sent while the cancelled run still cleans up: accepted, and run only once the clean-up ended.
    const next = post({ milestone: 'm2', dir: project('next-run') });
    await new Promise((r) => setTimeout(r, 200));
    expect(cancelLog).toEqual(['aborted']);
    cleanedUp?.();
    const second = await next;
    expect(second.status).toBe(200);
    const events = (await second.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as GradeEvent);
    expect(events.map((e) => e.type)).toEqual(['started', 'check', 'report']);
    expect(cancelLog).toEqual(['aborted', 'cleaned up', 'started m2']);
    expect(ran.map((r) => r.dir)).not.toContain(join(projects, 'left-while-waiting'));
  });
});

describe('recording a check (a pass in workbook.project.json)', () => {
  it('a report is recorded once its client received all of it', async () => {
    const dir = project('passes');
    const response = await post({ milestone: 'm1', dir });
    const events = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as GradeEvent);
    expect(events.at(-1)).toMatchObject({ type: 'report', report: { status: 'passed' } });
    await expect
      .poll(() => recorded.filter((r) => r.dir === dir))
      .toEqual([{ milestone: 'm1', dir, status: 'passed' }]);
  });

  it('a run that passes as its client leaves (Cancel as it finished) records nothing: the page said so', async () => {
    const dir = project('late-pass');
    const client = new AbortController();
    const response = await fetch(`${base}${PROJECT_CHECK_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN },
      body: JSON.stringify({ milestone: 'm1', dir }),
      signal: client.signal,
    });
    const chunk = await response.body?.getReader().read();
    expect(new TextDecoder().decode(chunk?.value)).toContain('"type":"started"');
    client.abort();
    // The run returned its pass after the client had gone; the route is done with it once the next run starts.
    await expect.poll(() => latePasses).toEqual([dir]);
    const next = await post({ milestone: 'm1', dir: project('passes-after') });
    await next.text();
    await expect.poll(() => recorded.map((r) => r.dir)).toContain(join(projects, 'passes-after'));
    expect(recorded.map((r) => r.dir)).not.toContain(dir);
  });
});

describe('POST /api/project-regrade', () => {
  const regrade = (body: unknown, headers: Record<string, string> = { [TOKEN_HEADER]: TOKEN }) =>
    post(body, headers, PROJECT_REGRADE_PATH);

  it('is guarded like the other routes, and refuses an archive over 2 MB or not base64', async () => {
    await refused(await regrade({ milestone: 'm1', archive: 'AAAA' }, {}), 403, /Missing or wrong/);
    await refused(await regrade({ milestone: 'm1', archive: 'A'.repeat(3_000_000) }), 413, /at most 2 MB/);
    await refused(
      await regrade({ milestone: 'm1', archive: 'A'.repeat(2_796_208) }),
      400,
      /Field "archive": is larger than 2 MB/,
    );
    await refused(await regrade({ milestone: 'm1', archive: 'not base64!' }), 400, /Field "archive": must be base64/);
    expect(regraded).toEqual([]);
  });

  it('hands the decoded archive to the re-grade and streams its report', async () => {
    const response = await regrade({ milestone: 'm1', archive: Buffer.from('tar bytes').toString('base64') });
    expect(response.status).toBe(200);
    const events = (await response.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as GradeEvent);
    expect(events.map((e) => e.type)).toEqual(['started', 'report']);
    expect(regraded).toEqual([{ milestone: 'm1', bytes: 9 }]);
  });
});

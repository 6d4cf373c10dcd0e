import { once } from 'node:events';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport, GradeEvent, GradeRequest } from '../src/schemas/report.ts';
import { createLocalEngine, probeLocalServer } from '../src/sandbox/local-engine.ts';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createGradeApi,
  createLocalGrading,
  hostsFor,
  MAX_BODY_BYTES,
  type GradeBackend,
  watchService,
} from './grade-api.ts';
import { apiErrorSchema, HEALTH_PATH, healthResponseSchema, TOKEN_HEADER } from '../src/schemas/grade-api.ts';

// A scripted grader: the API's job is guarding and streaming, which this spec covers over real
// HTTP; grading itself is covered by grader/ and by the end-to-end tests on the real grader.
class ScriptedGrader implements GradeBackend {
  runs: GradeRequest[] = [];
  aborted = 0;
  active = 0;
  maxActive = 0;
  delayMs = 20;
  async grade(
    request: GradeRequest,
    options: { signal?: AbortSignal; onEvent?: (e: GradeEvent) => void } = {},
  ): Promise<CheckReport> {
    this.runs.push(request);
    this.active++;
    this.maxActive = Math.max(this.maxActive, this.active);
    try {
      options.onEvent?.({ type: 'started', exerciseId: request.exerciseId, checks: ['a', 'b'] });
      for (const name of ['a', 'b']) {
        await wait(this.delayMs, options.signal);
        options.onEvent?.({ type: 'check', check: { name, status: 'passed', durationMs: 1 } });
      }
      if (request.files['src/x.ts']?.includes('loop')) await wait(60_000, options.signal);
      return {
        version: 1,
        exerciseId: request.exerciseId,
        status: 'passed',
        checks: [],
        durationMs: 5,
        engine: 'local',
        isolation: 'none',
        finishedAt: new Date().toISOString(),
      };
    } catch (error) {
      this.aborted++;
      throw error;
    } finally {
      this.active--;
    }
  }
}

const wait = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

let server: Server;
let base: string;
let host: string;
const grader = new ScriptedGrader();
let api: ReturnType<typeof createGradeApi>;

beforeAll(async () => {
  server = createServer((req, res) => {
    void api.handle(req, res).then((handled) => {
      if (!handled) {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(api.injectToken('<head><meta name="workbook-token" content=""></head>', req));
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  host = `127.0.0.1:${port}`;
  base = `http://${host}`;
  api = createGradeApi({
    grader,
    exercises: new Map([['demo-exercise', ['src/x.ts']]]),
    allowedHosts: hostsFor('127.0.0.1', port),
  });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Raw HTTP so the test controls Host and Origin exactly (fetch forbids setting Host). */
function raw(options: {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${base}${options.path ?? '/api/grade'}`,
      { method: options.method ?? 'POST', headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: res.headers['content-type']?.startsWith('application/json') ? readError(body) : body,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
/** Error bodies are JSON { error }; the assertions read the message itself. */
const readError = (body: string) => {
  const parsed = JSON.parse(body) as { error?: string };
  return parsed.error ?? body;
};
const good = () => JSON.stringify({ exerciseId: 'demo-exercise', files: { 'src/x.ts': 'export {}' } });
const headers = (extra: Record<string, string> = {}) => ({
  'content-type': 'application/json',
  [TOKEN_HEADER]: api.token,
  ...extra,
});

describe('the guard', () => {
  it('serves pages with the token written into the meta tag, and a fresh token per process', async () => {
    const page = await raw({ method: 'GET', path: '/' });
    expect(page.body).toContain(`<meta name="workbook-token" content="${api.token}">`);
    expect(api.token.length).toBeGreaterThanOrEqual(24);
    expect(createGradeApi({ grader, exercises: new Map(), allowedHosts: [] }).token).not.toBe(api.token);
  });

  it('serves a page requested under a foreign Host (DNS rebinding) without the token', async () => {
    for (const foreign of [
      `evil.example:${new URL(base).port}`,
      '127.0.0.1:1',
      `127.0.0.1.nip.io:${new URL(base).port}`,
    ]) {
      const page = await raw({ method: 'GET', path: '/', headers: { host: foreign } });
      expect(page.status, foreign).toBe(200);
      expect(page.body, foreign).toContain('<meta name="workbook-token" content="">');
      expect(page.body, foreign).not.toContain(api.token);
    }
    const own = await raw({ method: 'GET', path: '/', headers: { host: `LOCALHOST:${new URL(base).port}` } });
    expect(own.body).toContain(api.token);
  });

  it('refuses a foreign Host (DNS rebinding) with 403', async () => {
    const res = await raw({ headers: headers({ host: `evil.example:${new URL(base).port}` }), body: good() });
    expect(res.status).toBe(403);
    expect(res.body).toContain('Host "evil.example');
  });

  it('refuses our host on another port with 403', async () => {
    const res = await raw({ headers: headers({ host: '127.0.0.1:1' }), body: good() });
    expect(res.status).toBe(403);
  });

  it('refuses a foreign Origin with 403', async () => {
    const res = await raw({ headers: headers({ origin: 'http://evil.example' }), body: good() });
    expect(res.status).toBe(403);
    expect(res.body).toContain('Origin "http://evil.example"');
  });

  it('refuses a cross-site fetch even without an Origin header', async () => {
    const res = await raw({ headers: headers({ 'sec-fetch-site': 'cross-site' }), body: good() });
    expect(res.status).toBe(403);
  });

  it('refuses a missing or wrong token with 403', async () => {
    expect((await raw({ headers: { 'content-type': 'application/json' }, body: good() })).status).toBe(403);
    const wrong = await raw({ headers: headers({ [TOKEN_HEADER]: 'x'.repeat(api.token.length) }), body: good() });
    expect(wrong.status).toBe(403);
    expect(wrong.body).toContain(TOKEN_HEADER);
  });

  it('accepts its own origin, localhost alias included', async () => {
    const port = new URL(base).port;
    const res = await raw({
      headers: headers({ host: `localhost:${port}`, origin: `http://localhost:${port}` }),
      body: good(),
    });
    expect(res.status).toBe(200);
  });

  it('answers 413 to a body over 256 KB, declared or streamed', async () => {
    const big = JSON.stringify({ exerciseId: 'demo-exercise', files: { 'src/x.ts': 'x'.repeat(MAX_BODY_BYTES) } });
    const declared = await raw({ headers: headers(), body: big });
    expect(declared.status).toBe(413);
    const chunked = await raw({ headers: headers({ 'transfer-encoding': 'chunked' }), body: big });
    expect(chunked.status).toBe(413);
  });

  it('answers 400 naming the field, and 404 for an unknown exercise', async () => {
    const notJson = await raw({ headers: headers(), body: '{nope' });
    expect(notJson.status).toBe(400);
    expect(notJson.body).toContain('not valid JSON');
    const noFiles = await raw({ headers: headers(), body: JSON.stringify({ exerciseId: 'demo-exercise' }) });
    expect(noFiles.status).toBe(400);
    expect(noFiles.body).toContain('Field "files"');
    const badId = await raw({ headers: headers(), body: JSON.stringify({ exerciseId: 'Not Kebab', files: {} }) });
    expect(badId.body).toContain('Field "exerciseId"');
    const foreignPath = await raw({
      headers: headers(),
      body: JSON.stringify({ exerciseId: 'demo-exercise', files: { 'package.json': '{}' } }),
    });
    expect(foreignPath.status).toBe(400);
    expect(foreignPath.body).toContain('files.package.json');
    const unknown = await raw({
      headers: headers(),
      body: JSON.stringify({ exerciseId: 'no-such-exercise', files: {} }),
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toContain('no-such-exercise');
  });

  it('answers the health check without a token but not for a foreign Host', async () => {
    const ok = await fetch(`${base}${HEALTH_PATH}`).then((r) => r.json());
    // The page reads the answer with the same schema (src/sandbox/local-engine.ts).
    expect(healthResponseSchema.parse(ok)).toMatchObject({ ok: true, engine: 'local' });
    expect((await raw({ method: 'GET', path: '/api/health', headers: { host: 'evil.example' } })).status).toBe(403);
    expect(await probeLocalServer(base)).toBe(true);
    expect(await probeLocalServer('http://127.0.0.1:1', { timeoutMs: 500 })).toBe(false);
  });

  it('names missing infrastructure in the health answer, and the probe hands it to the page', async () => {
    let missing: Record<string, string> = {};
    let port = 0;
    const withServices = createGradeApi({
      grader,
      exercises: new Map([['demo-exercise', ['src/x.ts']]]),
      allowedHosts: () => hostsFor('127.0.0.1', port),
      missing: () => missing,
    });
    const other = createServer((req, res) => void withServices.handle(req, res));
    other.listen(0, '127.0.0.1');
    await once(other, 'listening');
    port = (other.address() as AddressInfo).port;
    const url = `http://127.0.0.1:${port}`;
    const health = async () => {
      let seen: unknown;
      expect(await probeLocalServer(url, { onHealth: (h) => (seen = h) })).toBe(true);
      return seen;
    };
    try {
      // Everything there: the answer has no `missing` key at all.
      expect(await health()).toEqual({ ok: true, engine: 'local', exercises: 1 });
      missing = { redis: 'These checks need Redis, but nothing answered at redis://127.0.0.1:1 (ECONNREFUSED).' };
      expect(await health()).toEqual({ ok: true, engine: 'local', exercises: 1, missing });
      // The schema is strict: an unknown service is a wrong answer, not silently ignored.
      expect(
        healthResponseSchema.safeParse({ ok: true, engine: 'local', exercises: 1, missing: { kafka: 'x' } }).success,
      ).toBe(false);
    } finally {
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
  });

  it('watchService answers at once from the last check, and checks again only when that is old', async () => {
    let calls = 0;
    let problem: string | undefined = 'down';
    const service = watchService(async () => {
      calls++;
      return problem;
    }, 60_000);
    expect(service.current()).toBeUndefined(); // not checked yet: starts a check, never waits for it
    await service.refresh(); // joins the check already under way
    expect(calls).toBe(1);
    expect(service.current()).toBe('down');
    expect(calls).toBe(1); // fresh enough: no new check
    problem = undefined;
    await service.refresh();
    expect(service.current()).toBeUndefined();
    expect(calls).toBe(2);
  });
});

describe('streaming through the local engine', () => {
  it('streams started, each check and the report, in order', async () => {
    const engine = createLocalEngine({ baseUrl: base, token: api.token });
    const events: string[] = [];
    const report = await engine.grade(
      { exerciseId: 'demo-exercise', files: { 'src/x.ts': 'ok' } },
      { onEvent: (e) => events.push(e.type === 'check' ? `check:${e.check.name}` : e.type) },
    );
    expect(events).toEqual(['started', 'check:a', 'check:b', 'report']);
    expect(report.status).toBe('passed');
  });

  it('queues concurrent requests to the grader without dropping any', async () => {
    const engine = createLocalEngine({ baseUrl: base, token: api.token });
    const before = grader.runs.length;
    const reports = await Promise.all(
      Array.from({ length: 6 }, () => engine.grade({ exerciseId: 'demo-exercise', files: { 'src/x.ts': 'ok' } })),
    );
    expect(reports.map((r) => r.status)).toEqual(Array(6).fill('passed'));
    expect(grader.runs.length - before).toBe(6);
  });

  it('aborts the grader run when the client cancels', async () => {
    const engine = createLocalEngine({ baseUrl: base, token: api.token });
    const controller = new AbortController();
    const abortedBefore = grader.aborted;
    const run = engine.grade(
      { exerciseId: 'demo-exercise', files: { 'src/x.ts': 'loop' } },
      {
        signal: controller.signal,
        onEvent: (e) => {
          if (e.type === 'check' && e.check.name === 'b') controller.abort();
        },
      },
    );
    await expect(run).rejects.toMatchObject({ code: 'aborted' });
    await expect.poll(() => grader.aborted).toBe(abortedBefore + 1);
  });

  it('turns a refused request into an EngineError carrying the server message', async () => {
    const engine = createLocalEngine({ baseUrl: base, token: 'wrong' });
    await expect(engine.grade({ exerciseId: 'demo-exercise', files: {} })).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining(TOKEN_HEADER),
    });
  });
});

describe('createLocalGrading with a broken exercise catalog', () => {
  it('keeps serving pages and answers the API with 503 naming the problem', async () => {
    const root = mkdtempSync(join(tmpdir(), 'grade-api-'));
    mkdirSync(join(root, 'exercises', 'half-written'), { recursive: true });
    try {
      let port = 1;
      const grading = await createLocalGrading({ root, address: () => ({ host: '127.0.0.1', port }) });
      const broken = createServer((req, res) => {
        void grading.route(req, res).then((handled) => {
          if (!handled) res.end(grading.transformHtml('<meta name="workbook-token" content="">', req));
        });
      });
      broken.listen(0, '127.0.0.1');
      await once(broken, 'listening');
      port = (broken.address() as AddressInfo).port;
      const url = `http://127.0.0.1:${(broken.address() as AddressInfo).port}`;
      const health = await fetch(`${url}/api/health`);
      expect(health.status).toBe(503);
      expect(apiErrorSchema.parse(await health.json()).error).toContain(
        'exercises/half-written/exercise.json: missing',
      );
      expect(await probeLocalServer(url)).toMatch(
        /^The local grader cannot run checks: the exercise catalog is invalid/,
      );
      expect(await (await fetch(`${url}/`)).text()).toMatch(/<meta name="workbook-token" content="[\w-]{20,}">/);
      await new Promise<void>((resolve) => broken.close(() => resolve()));
      await grading.close();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

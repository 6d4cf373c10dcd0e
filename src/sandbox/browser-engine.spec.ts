// The browser engine's host side with a fake worker: a fresh worker per run, always terminated,
// the time limit, Cancel, compile errors and damaged bundles. The real worker runs in Chromium in
// tests/e2e/browser-parity.spec.ts and static-offline.spec.ts.
import { describe, expect, it } from 'vitest';
import type { BrowserBundle } from '../schemas/browser-bundle.ts';
import { createBrowserEngine, type Compile } from './browser-engine.ts';
import type { WorkerMessage, WorkerRunMessage } from './browser-protocol.ts';
import type { WorkerLike } from './browser-run.ts';

const bundle: BrowserBundle = {
  exerciseId: 'demo',
  checks: ['a', 'b'],
  entries: ['__checks__/x.check.ts'],
  editable: ['src/x.ts'],
  modules: { '__checks__/x.check.ts': '' },
  timeLimitMs: 200,
  kind: 'implement',
  mutants: [],
};
const request = { exerciseId: 'demo', files: { 'src/x.ts': 'export const x = 1;', 'src/other.ts': 'ignored' } };
const compiled: Compile = async (_id, files) => ({
  outputs: Object.fromEntries(Object.keys(files).map((p) => [p, 'js'])),
  diagnostics: Promise.resolve([]),
});

class FakeWorker implements WorkerLike {
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  received: WorkerRunMessage | undefined;
  port: MessagePort | undefined;
  private readonly script: (worker: FakeWorker) => void;
  constructor(script: (worker: FakeWorker) => void) {
    this.script = script;
  }
  postMessage(message: WorkerRunMessage, transfer: Transferable[]): void {
    this.received = message;
    this.port = transfer[0] as MessagePort;
    queueMicrotask(() => this.script(this));
  }
  terminate(): void {
    this.terminated = true;
    this.port?.close();
  }
  say(data: WorkerMessage): void {
    this.port?.postMessage(data);
  }
}

function setup(
  script: (worker: FakeWorker) => void,
  compile: Compile = compiled,
  body: unknown = bundle,
  warm?: (id: string, files: Record<string, string>) => Promise<void>,
) {
  const workers: FakeWorker[] = [];
  const engine = createBrowserEngine({
    baseUrl: 'http://x/sub/',
    packages: ['vitest'],
    compile,
    ...(warm ? { warm } : {}),
    fetch: async (url) =>
      new Response(JSON.stringify(body), {
        status: String(url).endsWith('/sub/sandbox/exercises/demo.json') ? 200 : 404,
      }),
    createWorker: () => {
      const worker = new FakeWorker(script);
      workers.push(worker);
      return worker;
    },
  });
  return { engine, workers };
}

const pass = (name: string) => ({ name, state: 'passed' as const, errors: [], durationMs: 1 });

describe('browser engine (host side)', () => {
  it('runs each grade in a fresh worker that is terminated afterwards, with only the editable files', async () => {
    const { engine, workers } = setup((w) => w.say({ type: 'done', checks: [pass('a'), pass('b')], errors: [] }));
    const events: string[] = [];
    const report = await engine.grade(request, { onEvent: (e) => events.push(e.type) });
    await engine.grade(request);
    expect(report).toMatchObject({ status: 'passed', engine: 'browser', isolation: 'web-worker' });
    expect(events).toEqual(['started', 'report']);
    // One spare made ahead, one per run after it; every worker that ran is terminated, none runs twice.
    expect(workers).toHaveLength(3);
    expect(workers.filter((w) => w.received).length).toBe(2);
    expect(workers.filter((w) => w.received).every((w) => w.terminated)).toBe(true);
    expect(Object.keys(workers[0]?.received?.modules ?? {})).toEqual(['__checks__/x.check.ts', 'src/x.ts']);
    expect(workers[0]?.received?.packages).toEqual({ vitest: 'http://x/sub/sandbox/pkg-vitest.js' });
  });

  it('stops a run at the time limit as a timeout naming the running check', async () => {
    const { engine, workers } = setup((w) => {
      w.say({ type: 'check', check: pass('a') });
      w.say({ type: 'running', check: 'b' });
    });
    const report = await engine.grade(request);
    expect(report.status).toBe('timeout');
    expect(report.checks.map((c) => c.status)).toEqual(['passed', 'timeout']);
    expect(workers[0]?.terminated).toBe(true);
  });

  it('ignores messages the learner posts on the worker itself: only the private port reports', async () => {
    const { engine } = setup((w) => {
      (w as unknown as { onmessage?: (e: MessageEvent) => void }).onmessage?.({
        data: { type: 'done', checks: [pass('a'), pass('b')], errors: [] },
      } as MessageEvent);
    });
    expect((await engine.grade(request)).status).toBe('timeout');
  });

  it('Cancel terminates the worker and rejects as aborted', async () => {
    const controller = new AbortController();
    const { engine, workers } = setup(() => controller.abort());
    await expect(engine.grade(request, { signal: controller.signal })).rejects.toMatchObject({ code: 'aborted' });
    expect(workers[0]?.terminated).toBe(true);
  });

  it('a type error decides the report, with every check listed as not run', async () => {
    const { engine } = setup(
      (w) => w.say({ type: 'done', checks: [pass('a'), pass('b')], errors: [] }),
      async () => ({
        outputs: {},
        diagnostics: Promise.resolve([
          { file: 'src/x.ts', line: 2, column: 3, message: 'bad', code: 2322, syntax: false },
        ]),
      }),
    );
    const report = await engine.grade(request);
    expect(report).toMatchObject({ status: 'error', message: expect.stringContaining('src/x.ts:2:3 bad (TS2322)') });
    expect(report.checks.every((c) => c.status === 'skipped')).toBe(true);
  });

  it('refuses a damaged or missing bundle with what to do', async () => {
    await expect(setup(() => undefined, compiled, { exerciseId: 'demo' }).engine.grade(request)).rejects.toMatchObject({
      code: 'protocol',
      message: expect.stringContaining('npm run build'),
    });
    await expect(setup(() => undefined).engine.grade({ ...request, exerciseId: 'other' })).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('prepare() warms the compiler on the editable files and fetches the bundle, without using a worker', async () => {
    const warmed: Record<string, string>[] = [];
    const { engine, workers } = setup(
      () => undefined,
      compiled,
      bundle,
      async (_id, files) => {
        warmed.push(files);
      },
    );
    engine.prepare?.(request);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(warmed).toEqual([{ 'src/x.ts': 'export const x = 1;' }]);
    // The spare made ahead is still unused, so the first click gets a worker that already loaded Vitest.
    expect(workers).toHaveLength(1);
    expect(workers[0]?.received).toBeUndefined();
  });

  it('a click while prepare() is still warming grades in the spare, which loaded ahead', async () => {
    let warmed = false;
    const { engine, workers } = setup(
      (w) => w.say({ type: 'done', checks: [pass('a'), pass('b')], errors: [] }),
      compiled,
      bundle,
      () =>
        new Promise<void>((resolve) =>
          setTimeout(() => {
            warmed = true;
            resolve();
          }, 50),
        ),
    );
    engine.prepare?.(request);
    const report = await engine.grade(request);
    expect(report.status).toBe('passed');
    expect(warmed).toBe(false);
    // The run used the spare made ahead (the first worker), and a new unused spare replaced it.
    expect(workers[0]?.received).toBeDefined();
    expect(workers).toHaveLength(2);
    expect(workers[1]?.received).toBeUndefined();
    expect(workers[1]?.terminated).toBe(false);
  });

  it('after Cancel or a timeout the used worker is gone and a fresh spare waits for the next run', async () => {
    const controller = new AbortController();
    const cancelled = setup(() => controller.abort());
    await expect(cancelled.engine.grade(request, { signal: controller.signal })).rejects.toMatchObject({
      code: 'aborted',
    });
    const timedOut = setup(() => undefined);
    expect((await timedOut.engine.grade(request)).status).toBe('timeout');
    for (const { workers } of [cancelled, timedOut]) {
      expect(workers).toHaveLength(2);
      expect(workers[0]).toMatchObject({ terminated: true });
      expect(workers[1]).toMatchObject({ terminated: false, received: undefined });
    }
  });
});

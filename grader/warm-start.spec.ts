// Cold starts are the grader's cost, not the learner's: a new kept worker first runs the trusted
// warm-up spec (the service's packages loaded before any learner code), and a run that still
// starts cold says so, so the grader's clock allows for it (runner-host.ts, COLD_START_EXTRA_MS).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunnerHost } from './runner-host.ts';
import { CHECKS_DIR, Workspace } from './workspace.ts';

const root = join(import.meta.dirname, '..');
const PROBE = `${CHECKS_DIR}/probe.check.ts`;
// Whether the service's packages were loaded in this worker before the spec ran: reflect-metadata
// (a dependency of the service, imported by the warm-up) defines Reflect.getMetadata when loaded.
const probe = (marker: string, body = '') => `import { it } from 'vitest';
it('${marker}', () => {${body}
  if (typeof (Reflect as { getMetadata?: unknown }).getMetadata !== 'function')
    throw new Error('the service packages were not loaded before this run');
});
`;

let dir: string;
let workspace: Workspace;
let host: RunnerHost;
beforeAll(() => {
  // Under the repository, as the grader's own workspaces: packages resolve from its node_modules.
  mkdirSync(join(root, '.workbook', 'workspaces'), { recursive: true });
  dir = mkdtempSync(join(root, '.workbook', 'workspaces', 'warm-start-'));
  workspace = new Workspace(join(root, 'service'), join(dir, 'ws'));
  host = new RunnerHost(workspace.dir, { warmWorker: true });
});
afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `source` as the probe spec on `on`, asking for `warmUp`, within `timeoutMs`. */
async function runSpec(
  on: { host: RunnerHost; workspace: Workspace },
  source: string,
  warmUp: string[],
  timeoutMs: number,
) {
  const invalidate = on.workspace.apply(new Map([[PROBE, source]]));
  const request = {
    specs: [join(on.workspace.dir, PROBE)],
    invalidate,
    typecheck: [],
    env: {},
    db: false,
    testTimeoutMs: 60_000,
    guard: [],
    witness: false,
    sealed: false,
    warmUp,
  };
  return on.host.run(request, { timeoutMs });
}

async function run(marker: string, body = '', on = { host, workspace }, warmUp: string[] = []) {
  const outcome = await runSpec(on, probe(marker, body), warmUp, 60_000);
  if (outcome.kind !== 'done') throw new Error(`the run ended as ${outcome.kind}`);
  return outcome;
}

it('loads the service packages into a new kept worker before the first run, which is marked cold', async () => {
  const first = await run('first run');
  expect(first.modules[0]?.tests.map((t) => [t.state, t.errors[0]?.message])).toEqual([['passed', undefined]]);
  expect(first.cold).toBe(true);
}, 180_000);

it('marks a run on the same warm worker as not cold', async () => {
  const second = await run('second run');
  expect(second.modules[0]?.tests.map((t) => t.state)).toEqual(['passed']);
  expect(second.cold).toBe(false);
}, 120_000);

it('keeps the worker after a run that touched process.stdin, as a database client does (it opens no handle)', async () => {
  // Each probe fails on purpose with its worker's pid: the same pid means the same kept worker.
  const pid = async (marker: string, body: string) =>
    (await run(marker, `${body}\n  throw new Error('pid ' + process.pid);`)).modules[0]?.tests[0]?.errors[0]?.message;
  const touched = await pid('touches stdin', '\n  void process.stdin;');
  expect(touched).toMatch(/^pid \d+$/);
  expect(await pid('after stdin', '')).toBe(touched);
}, 120_000);

it('warms the replacement after a timeout: its first run is cold again and finds the packages loaded', async () => {
  const stuck = await runSpec(
    { host, workspace },
    "import { it } from 'vitest';\nit('never ends', () => { for (;;) {} });\n",
    [],
    500,
  );
  expect(stuck.kind).toBe('timeout');
  const after = await run('after the timeout');
  expect(after.modules[0]?.tests.map((t) => [t.state, t.errors[0]?.message])).toEqual([['passed', undefined]]);
  expect(after.cold).toBe(true);
}, 240_000);

describe('without the full warm-up (a re-grade’s fresh runner)', () => {
  const cold = {} as { host: RunnerHost; workspace: Workspace };
  beforeAll(() => {
    cold.workspace = new Workspace(join(root, 'service'), join(dir, 'cold'));
    cold.host = new RunnerHost(cold.workspace.dir);
  });
  afterAll(() => cold.host.close());

  it('loads nothing ahead when the run asks for nothing', async () => {
    const outcome = await run('nothing asked', '', cold);
    expect(outcome.modules[0]?.tests[0]?.errors[0]?.message).toBe(
      'the service packages were not loaded before this run',
    );
    expect(outcome.cold).toBe(true);
  }, 180_000);

  it('loads the packages a run asks for into its worker before the run, off its clock', async () => {
    const outcome = await run('asked for reflect-metadata', '', cold, ['reflect-metadata']);
    expect(outcome.modules[0]?.tests.map((t) => [t.state, t.errors[0]?.message])).toEqual([['passed', undefined]]);
  }, 180_000);
});

it('starts the database ahead when asked (warmDatabase), and nothing fails on the way', async () => {
  const ahead = {
    workspace: new Workspace(join(root, 'service'), join(dir, 'db')),
    host: undefined as unknown as RunnerHost,
  };
  ahead.host = new RunnerHost(ahead.workspace.dir, {
    warmDatabase: true,
    databaseSnapshots: join(root, '.workbook', 'db-snapshots'),
  });
  try {
    await ahead.host.start();
    await run('after the database started', '', ahead);
    expect(ahead.host.recentStderr()).not.toContain('could not start the database ahead');
  } finally {
    await ahead.host.close();
  }
}, 180_000);

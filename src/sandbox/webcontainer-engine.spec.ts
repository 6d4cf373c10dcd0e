import { describe, expect, it } from 'vitest';
import type { GradeRequest } from '../schemas/report.ts';
import {
  createWebContainerEngine,
  type Container,
  type ContainerProcess,
  type WorkspaceTree,
} from './webcontainer-engine.ts';

// A fake that implements the @webcontainer/api surface the adapter uses: real Web Streams, a
// process whose output is driven by a script reading the request written to its stdin.
type Script = (request: GradeRequest, out: (text: string) => void, signal: AbortSignal) => Promise<number>;

class FakeContainer implements Container {
  boots = 0;
  mounted: WorkspaceTree | undefined;
  spawned: string[] = [];
  killed = 0;
  private readonly script: Script;
  private readonly installCode: number;
  constructor(script: Script, installCode = 0) {
    this.script = script;
    this.installCode = installCode;
  }
  async mount(tree: WorkspaceTree) {
    this.mounted = tree;
  }
  async spawn(command: string, args: string[]): Promise<ContainerProcess> {
    this.spawned.push([command, ...args].join(' '));
    const kill = new AbortController();
    let emit!: ReadableStreamDefaultController<string>;
    const output = new ReadableStream<string>({
      start: (c) => {
        emit = c;
      },
    });
    let stdin = '';
    let closeInput!: () => void;
    const inputClosed = new Promise<void>((resolve) => (closeInput = resolve));
    const input = new WritableStream<string>({
      write: (c) => {
        stdin += c;
      },
      close: () => closeInput(),
    });
    const exit = (async () => {
      if (command === 'npm') {
        emit.close();
        return this.installCode;
      }
      await inputClosed;
      const code = await this.script(JSON.parse(stdin) as GradeRequest, (t) => emit.enqueue(t), kill.signal).catch(
        () => 137,
      );
      emit.close();
      return code;
    })();
    return {
      exit,
      input,
      output,
      kill: () => {
        this.killed++;
        kill.abort();
      },
    };
  }
}

const report = (request: GradeRequest) => ({
  version: 1,
  exerciseId: request.exerciseId,
  status: 'passed',
  checks: [],
  durationMs: 2,
  engine: 'webcontainer',
  finishedAt: new Date().toISOString(),
});
/** What `grade --ndjson` writes for a request with a nonce. */
const sealed = (request: GradeRequest, event: unknown) => `${JSON.stringify({ nonce: request.nonce, event })}\n`;
const passing: Script = async (request, out) => {
  out('\u001b[2mnpx: installing workbook\u001b[0m\r\n');
  out(
    sealed(request, { type: 'started', exerciseId: request.exerciseId, checks: ['a'] }) +
      sealed(request, { type: 'check', check: { name: 'a', status: 'passed', durationMs: 1 } }),
  );
  out(sealed(request, { type: 'report', report: report(request) }));
  return 0;
};
const request: GradeRequest = {
  exerciseId: 'task-entity-complete',
  files: { 'src/domain/task/task.entity.ts': 'export class Task {}' },
};
const workspace: WorkspaceTree = { 'package.json': { file: { contents: '{}' } } };

function setup(script: Script, installCode = 0) {
  const container = new FakeContainer(script, installCode);
  const engine = createWebContainerEngine({
    boot: async () => {
      container.boots++;
      return container;
    },
    loadWorkspace: async () => workspace,
  });
  return { container, engine };
}

describe('WebContainer engine', () => {
  it('boots and mounts once, then streams the same events as the local engine', async () => {
    const { container, engine } = setup(passing);
    const events: string[] = [];
    const first = await engine.grade(request, { onEvent: (e) => events.push(e.type) });
    await engine.grade(request);
    expect(first.status).toBe('passed');
    expect(events).toEqual(['started', 'check', 'report']);
    expect(container.boots).toBe(1);
    expect(container.mounted).toBe(workspace);
    expect(container.spawned).toEqual([
      'npm install --no-audit --no-fund',
      'npx workbook grade --ndjson',
      'npx workbook grade --ndjson',
    ]);
  });

  it('accepts only lines with this run’s nonce: a report printed by learner code is ignored', async () => {
    const { engine } = setup(async (request, out) => {
      if (!request.exerciseId.includes('-') || !/^[0-9a-f]{32}$/.test(request.nonce ?? '')) return 2; // no nonce: no report at all
      const forged = { ...report(request), status: 'passed' };
      out(
        `${JSON.stringify({ type: 'report', report: forged })}\n${JSON.stringify({ nonce: 'guessed-nonce-0000', event: { type: 'report', report: forged } })}\n`,
      );
      out(sealed(request, { type: 'report', report: { ...report(request), status: 'failed' } }));
      return 1;
    });
    await expect(engine.grade(request)).resolves.toMatchObject({ status: 'failed' });
  });

  it('reports a grader that dies before its report with the exit code', async () => {
    const { engine } = setup(async (_r, out) => {
      out('Error: boom\n');
      return 1;
    });
    await expect(engine.grade(request)).rejects.toMatchObject({
      code: 'failed',
      message: expect.stringContaining('exited with code 1'),
    });
  });

  it('kills the process when the run is cancelled', async () => {
    const { container, engine } = setup(
      (r, out, signal) =>
        new Promise((_, reject) => {
          out(sealed(r, { type: 'queued', position: 0 }));
          signal.addEventListener('abort', () => reject(new Error('killed')));
        }),
    );
    const controller = new AbortController();
    const run = engine.grade(request, { signal: controller.signal, onEvent: () => controller.abort() });
    await expect(run).rejects.toMatchObject({ code: 'aborted' });
    expect(container.killed).toBe(1);
  });

  it('says what failed when the install fails, and retries the boot on the next run', async () => {
    const { container, engine } = setup(passing, 1);
    await expect(engine.grade(request)).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('exited with 1'),
    });
    await expect(engine.grade(request)).rejects.toMatchObject({ code: 'unavailable' });
    expect(container.boots).toBe(2);
  });
});

// The WebContainer engine: boots StackBlitz's in-browser Node once per tab, mounts the workspace
// prepared at build time, and spawns the same grader CLI the terminal uses. Everything past the
// spawn (parsing, validation, reports) is shared with the local engine, so this file stays thin.
// It is typed against a structural subset of @webcontainer/api so tests can pass a fake.
import type { CheckReport, GradeRequest } from '../schemas/report.ts';
import { EngineError, throwIfAborted, type Engine, type EngineGradeOptions } from './engine.ts';
import { iterateText, readGradeEvents } from './ndjson.ts';

/** The part of a @webcontainer/api FileSystemTree the workbook uses. */
export interface WorkspaceTree {
  [name: string]: { file: { contents: string } } | { directory: WorkspaceTree };
}

/** The part of a @webcontainer/api WebContainerProcess the engine uses. */
export interface ContainerProcess {
  exit: Promise<number>;
  input: WritableStream<string>;
  output: ReadableStream<string>;
  kill(): void;
}

/** The part of a @webcontainer/api WebContainer the engine uses. */
export interface Container {
  mount(tree: WorkspaceTree): Promise<void>;
  spawn(
    command: string,
    args: string[],
    options?: { cwd?: string; env?: Record<string, string> },
  ): Promise<ContainerProcess>;
}

export interface WebContainerEngineOptions {
  /** Boots the container (WebContainer.boot in the browser). Called at most once per engine. */
  boot: () => Promise<Container>;
  /** Fetches the workspace tree prepared at build time. */
  loadWorkspace: () => Promise<WorkspaceTree>;
  /** Command that reads a GradeRequest on stdin and writes GradeEvent NDJSON on stdout. */
  command?: readonly [string, ...string[]];
  /** Command run once after mounting, e.g. npm install. */
  setup?: readonly [string, ...string[]];
}

const GRADE_COMMAND = ['npx', 'workbook', 'grade', '--ndjson'] as const;
const SETUP_COMMAND = ['npm', 'install', '--no-audit', '--no-fund'] as const;

/** Creates the in-browser engine; the container boots lazily on the first grade. */
export function createWebContainerEngine(options: WebContainerEngineOptions): Engine {
  const [command, ...args] = options.command ?? GRADE_COMMAND;
  let ready: Promise<Container> | undefined;

  const prepare = async (): Promise<Container> => {
    const container = await options.boot();
    await container.mount(await options.loadWorkspace());
    const [setup, ...setupArgs] = options.setup ?? SETUP_COMMAND;
    const install = await container.spawn(setup, setupArgs);
    void install.output.pipeTo(new WritableStream()).catch(() => undefined);
    const code = await install.exit;
    if (code !== 0)
      throw new EngineError(
        'unavailable',
        `The in-browser runtime could not install the workspace (\`${setup} ${setupArgs.join(' ')}\` exited with ${code}). Reload the page, or run the workbook locally with \`npm start\`.`,
      );
    return container;
  };

  return {
    name: 'webcontainer',
    label: 'In-browser runtime (WebContainer)',
    async grade(request: GradeRequest, { signal, onEvent }: EngineGradeOptions = {}): Promise<CheckReport> {
      // A failed boot is not cached: the next run tries again.
      ready ??= prepare().catch((error: unknown) => {
        ready = undefined;
        throw error instanceof EngineError
          ? error
          : new EngineError(
              'unavailable',
              `The in-browser runtime did not start: ${(error as Error).message}. Run the workbook locally with \`npm start\`.`,
              { cause: error },
            );
      });
      const container = await ready;
      throwIfAborted(signal);
      const process = await container.spawn(command, args);
      const kill = () => process.kill();
      signal?.addEventListener('abort', kill, { once: true });
      try {
        // Per-run secret: the container's output also carries whatever learner code prints.
        const nonce = [...crypto.getRandomValues(new Uint8Array(16))]
          .map((b) => b.toString(16).padStart(2, '0'))
          .join('');
        const writer = process.input.getWriter();
        await writer.write(`${JSON.stringify({ ...request, nonce })}\n`);
        await writer.close();
        const report = readGradeEvents(iterateText(process.output), { signal, onEvent, lenient: true, nonce }).catch(
          async (error: unknown) => {
            if (error instanceof EngineError && error.code === 'protocol' && !signal?.aborted) {
              const code = await process.exit;
              throw new EngineError(
                'failed',
                `The grader exited with code ${code} before sending its report. Run the checks again; if it keeps failing, use \`npm start\` locally.`,
                { cause: error },
              );
            }
            throw error;
          },
        );
        const aborted = new Promise<never>((_, reject) => {
          signal?.addEventListener('abort', () => reject(new EngineError('aborted', 'The run was cancelled.')), {
            once: true,
          });
        });
        return await Promise.race([report, aborted]);
      } finally {
        signal?.removeEventListener('abort', kill);
      }
    },
  };
}

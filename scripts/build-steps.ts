// `npm start`'s build, quietly: the steps of package.json's "build" script run one by one, each
// shown as one progress line; their output is kept and printed only when a step fails (or with
// --verbose), so a learner sees four lines instead of hundreds of build lines and boxed warnings.
import { spawn } from 'node:child_process';
import { delimiter, join } from 'node:path';

export interface BuildStep {
  /** What the learner reads, e.g. "pages (astro build)". */
  label: string;
  /** The shell command, exactly as package.json's build script says. */
  command: string;
}

/** Names for the build script's commands; an unknown command is shown as itself. */
const NAMES: Array<[RegExp, string]> = [
  [/scripts\/diagrams-check\.ts/, 'diagrams'],
  [/^astro build\b/, 'pages'],
  [/scripts\/pagefind\.ts/, 'search index'],
  [/scripts\/sandbox-build\.ts/, 'browser engine'],
  [/scripts\/offline-build\.ts/, 'offline cache'],
];

/** Splits package.json's build script (`a && b && c`) into steps, so the script stays the one definition. */
export function buildSteps(buildScript: string): BuildStep[] {
  return buildScript
    .split('&&')
    .map((command) => command.trim())
    .filter(Boolean)
    .map((command) => {
      const name = NAMES.find(([pattern]) => pattern.test(command))?.[1];
      return { label: name ? `${name} (${command})` : command, command };
    });
}

export interface RunOptions {
  root: string;
  /** Show every line the steps print, as `npm run build` would. */
  verbose: boolean;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  error?: (text: string) => void;
}

/** Runs the steps in order; resolves with true when all succeeded. A failing step prints its output. */
export async function runBuildSteps(steps: readonly BuildStep[], options: RunOptions): Promise<boolean> {
  const log = options.log ?? ((line: string) => console.log(line));
  const error = options.error ?? ((text: string) => console.error(text));
  // Started as `node scripts/start.ts` (not through npm), the local binaries are not on PATH yet.
  const env = { ...(options.env ?? process.env) };
  env['PATH'] = [join(options.root, 'node_modules', '.bin'), env['PATH'] ?? ''].join(delimiter);
  for (const [index, step] of steps.entries()) {
    const started = Date.now();
    log(`start: [${index + 1}/${steps.length}] ${step.label}…`);
    const { code, output } = await run(step.command, options.root, env, options.verbose);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (code !== 0) {
      if (!options.verbose) error(output.trimEnd());
      error(
        `start: step ${index + 1} (${step.label}) failed with exit code ${code} after ${seconds} s; its output is above.`,
      );
      return false;
    }
    log(`start: [${index + 1}/${steps.length}] ${step.label} done in ${seconds} s`);
  }
  return true;
}

function run(command: string, cwd: string, env: NodeJS.ProcessEnv, verbose: boolean) {
  return new Promise<{ code: number; output: string }>((resolve) => {
    const child = spawn(command, { cwd, env, shell: true, stdio: verbose ? 'inherit' : 'pipe' });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (err) => (output += `${err.message}\n`));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

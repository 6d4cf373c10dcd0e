// Build time (Node only): can an exercise's hidden checks run in a browser Web Worker? Walks the
// real import graph with esbuild's resolver over the grading workspace (service/ + the learner's
// files + checks in __checks__/), so type-only imports (erased) do not count and every module the
// checks reach at run time does. Capable when everything resolves to workbook modules or to a
// package the browser engine ships; otherwise the reasons say what is missing.
import { build, type Plugin, transform } from 'esbuild';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { BrowserCapability } from '../schemas/browser-capability.ts';
import type { LoadedExercise } from './load.ts';

import { BROWSER_PACKAGES, ENGINE_PACKAGES } from '../sandbox/browser-paths.ts';
import { closingBracket, maskLiterals } from '../sandbox/js-scan.ts';
import { moduleMocks, unsupportedMocks } from '../sandbox/module-mocks.ts';

export { BROWSER_PACKAGES };

/** Where checks sit in the grading workspace (grader/workspace.ts uses the same folder). */
export const CHECKS_DIR = '__checks__';

const FIXTURES = 'workbook:grader-fixtures';
const NETWORK = 'workbook:network';

/** The service's compiler settings that change emitted code (legacy decorators, class fields as assignments). */
const tsconfigRaw = {
  compilerOptions: { verbatimModuleSyntax: true, experimentalDecorators: true, useDefineForClassFields: false },
};

export interface ExerciseGraph {
  /** Workspace paths of every module the checks reach, learner files included, in load order. */
  modules: string[];
  /** The check entry points (workspace paths). */
  entries: string[];
  /** Bare specifiers imported anywhere in the graph (packages and node: builtins). */
  packages: string[];
  /** Workspace path → the workspace paths it imports (relative imports only). */
  imports: Record<string, string[]>;
  /** Node globals the code uses (Buffer, process, …), which a browser worker does not have. */
  nodeGlobals: string[];
  /** Module mocks the browser engine cannot reproduce ("vi.mock (without a factory)"), empty when none. */
  mockProblems: string[];
}

/**
 * Node-only globals the worker does not give (src/sandbox/node-globals.ts gives Buffer, setImmediate
 * and global), looked for in esbuild's output with string contents blanked (a Dockerfile line
 * `node -e "process.exit(0)"` in a check is text, not a use). `process`
 * counts: the worker's has an empty env, so code reading configuration runs in the local grader.
 */
const NODE_GLOBAL = /\b(process|__dirname|__filename|require)\b(?=\s*[.([])/g;

/** The worker has no network: fetch is removed before learner code runs (browser-worker.ts). */
const FETCH = /(?<![.\w$])fetch\s*\(/g;

/** Calls of the global fetch in masked code (not `x.fetch(…)`, not a method named fetch). */
const callsFetch = (masked: string) =>
  [...masked.matchAll(FETCH)].some((m) => {
    const end = closingBracket(masked, m.index + m[0].length - 1);
    return end !== -1 && !/^\s*\{/.test(masked.slice(end));
  });

/** Any call of Vitest's module mocker (module-mocks.ts decides which forms the browser supports). */
const MOCK_CALL = /\bvi\s*\.\s*(mock|doMock|unmock|doUnmock|hoisted|importActual|importMock)\s*\(/;
const NEST_APP = /\b(createNestApplication|createNestMicroservice)\s*\(|\bNestFactory\.create/;

/** The hidden check files of an exercise (flat folder; helpers too), as workspace paths → content. */
export function checkSources(root: string, id: string): Record<string, string> {
  const dir = join(root, 'checks', id);
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const file = join(dir, name);
    if (statSync(file).isFile() && name.endsWith('.ts')) out[`${CHECKS_DIR}/${name}`] = readFileSync(file, 'utf8');
  }
  return out;
}

/** Resolves a relative specifier from a workspace file the way the grader's Vite does (`.js` → `.ts`). */
export function resolveWorkspace(
  from: string,
  specifier: string,
  exists: (path: string) => boolean,
): string | undefined {
  const target = posix.normalize(posix.join(posix.dirname(from), specifier));
  if (target.startsWith('..')) return undefined;
  const base = target.replace(/\.js$/, '');
  for (const candidate of [`${base}.ts`, target, `${base}/index.ts`]) if (exists(candidate)) return candidate;
  return undefined;
}

/**
 * The import graph of an exercise's checks with `learner` as the editable files (solution or
 * starter). Read-only files come from service/.
 */
export async function exerciseGraph(
  root: string,
  exercise: LoadedExercise,
  learner: Record<string, string>,
): Promise<ExerciseGraph> {
  const checks = checkSources(root, exercise.manifest.id);
  const read = (path: string): string | undefined => {
    if (path in learner) return learner[path];
    if (path in checks) return checks[path];
    const file = join(root, 'service', path);
    return existsSync(file) && statSync(file).isFile() ? readFileSync(file, 'utf8') : undefined;
  };
  const packages = new Set<string>();
  const imports: Record<string, string[]> = {};
  const entries = Object.keys(checks).filter((p) => p.endsWith('.check.ts'));
  if (exercise.manifest.kind === 'write-tests')
    entries.push(...Object.keys(learner).filter((p) => /\.(spec|test)\.ts$/.test(p)));
  const mockProblems = new Set<string>();
  // Module mocks, as the worker will see them: in the compiled code of each module.
  const checkMocks = async (path: string, source: string) => {
    if (!MOCK_CALL.test(source)) return;
    const { code } = await transform(source, { loader: 'ts', format: 'esm', tsconfigRaw });
    for (const problem of unsupportedMocks(code)) mockProblems.add(problem);
    const mocks = moduleMocks(code);
    if (mocks.length === 0) return;
    // What one worker runs: a write-tests exercise's spec files, or the checks.
    const run = exercise.manifest.kind === 'write-tests' ? entries.filter((e) => e in learner) : entries;
    if (!run.includes(path)) mockProblems.add('vi.mock (outside a test file)');
    else if (run.length > 1) mockProblems.add('vi.mock (in one of several test files)');
    for (const { specifier } of mocks)
      if (!ENGINE_PACKAGES.includes(specifier))
        mockProblems.add(`vi.mock (of ${specifier}, which the browser engine does not ship)`);
  };
  const plugin: Plugin = {
    name: 'workspace',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return { path: args.path, namespace: 'ws' };
        if (!args.path.startsWith('.')) {
          packages.add(args.path);
          return { path: args.path, external: true };
        }
        const found = resolveWorkspace(args.importer, args.path, (p) => read(p) !== undefined);
        if (!found) {
          // The grader adds __checks__/fixtures.ts (database and Redis helpers) to the workspace.
          const fixtures = args.importer.startsWith(`${CHECKS_DIR}/`) && /^\.\/fixtures(\.js)?$/.test(args.path);
          packages.add(fixtures ? FIXTURES : `unresolved: ${args.importer} imports "${args.path}"`);
          return { path: args.path, external: true };
        }
        const edges = imports[args.importer] ?? [];
        imports[args.importer] = edges;
        edges.push(found);
        return { path: found, namespace: 'ws' };
      });
      b.onLoad({ filter: /.*/, namespace: 'ws' }, async (args) => {
        const contents = read(args.path) ?? '';
        await checkMocks(args.path, contents);
        return { contents, loader: 'ts' };
      });
    },
  };
  const result = await build({
    entryPoints: entries,
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'neutral',
    outdir: '/out',
    logLevel: 'silent',
    plugins: [plugin],
    tsconfigRaw,
  });
  // Nest loads its HTTP platform only when an app is created (a dynamic import the graph cannot see).
  if (result.outputFiles.some((f) => NEST_APP.test(f.text))) packages.add('@nestjs/platform-express');
  const modules = Object.keys(result.metafile.inputs).map((p) => p.replace(/^ws:/, ''));
  const masked = result.outputFiles.map((f) => maskLiterals(f.text));
  const nodeGlobals = new Set(masked.flatMap((text) => [...text.matchAll(NODE_GLOBAL)].map((m) => m[1] ?? '')));
  if (masked.some(callsFetch)) packages.add(NETWORK);
  return {
    modules,
    entries,
    packages: [...packages].sort(),
    imports,
    nodeGlobals: [...nodeGlobals].sort(),
    mockProblems: [...mockProblems].sort(),
  };
}

/**
 * Exercises whose graph the browser can load but whose verdicts the parity test found to differ
 * from the local grader's, with why; they stay with the local grader until the difference is gone.
 */
export const PARITY_EXCEPTIONS: Readonly<Record<string, string>> = {};

/** Why a graph cannot run in the browser: one reason per missing thing, in a stable order. */
export function capabilityOf(exercise: LoadedExercise, graphs: readonly ExerciseGraph[]): BrowserCapability {
  const reasons = new Set<string>();
  const parity = PARITY_EXCEPTIONS[exercise.manifest.id];
  if (parity) reasons.add(parity);
  for (const need of exercise.manifest.needs) reasons.add(`needs: ${need}`);
  // Exact specifiers: the worker links `rxjs/operators`, not every path inside rxjs.
  const safe = new Set<string>(ENGINE_PACKAGES);
  for (const graph of graphs) {
    for (const pkg of graph.packages) {
      const name = packageName(pkg);
      if (safe.has(pkg)) continue;
      if (pkg === FIXTURES || pkg === NETWORK || pkg.startsWith('unresolved: ')) {
        reasons.add(
          pkg === FIXTURES
            ? 'needs: grader fixtures (database or Redis)'
            : pkg === NETWORK
              ? 'needs: network (fetch)'
              : pkg,
        );
        continue;
      }
      reasons.add(
        name.startsWith('node:') || NODE_BUILTINS.has(name)
          ? `${name.startsWith('node:') ? name : `node:${name}`}`
          : `needs: ${safe.has(name) ? pkg : name}`,
      );
    }
    for (const name of graph.nodeGlobals) reasons.add(`node global: ${name}`);
    for (const problem of graph.mockProblems) reasons.add(`${problem} not supported`);
    const cycle = findCycle(graph.imports);
    if (cycle) reasons.add(`import cycle: ${cycle.join(' → ')}`);
  }
  return reasons.size === 0 ? { capable: true } : { capable: false, reasons: [...reasons] };
}

/** The package a bare specifier belongs to: `@scope/name/sub` → `@scope/name`, `node:fs/promises` → `node:fs`. */
export function packageName(specifier: string): string {
  if (specifier.startsWith('node:')) return specifier.split('/')[0] ?? specifier;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

const NODE_BUILTINS = new Set([
  'assert',
  'async_hooks',
  'buffer',
  'child_process',
  'crypto',
  'events',
  'fs',
  'http',
  'https',
  'net',
  'os',
  'path',
  'perf_hooks',
  'stream',
  'timers',
  'tls',
  'url',
  'util',
  'worker_threads',
  'zlib',
]);

/**
 * A cycle in the relative imports, if any: the browser links modules through blob URLs, which
 * must exist before the modules importing them, so a cycle cannot be linked.
 */
export function findCycle(imports: Record<string, string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'open');
    stack.push(node);
    for (const next of imports[node] ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of Object.keys(imports)) {
    const found = visit(node);
    if (found) return found;
  }
  return undefined;
}

/** Every graph the browser must be able to load: solution, starter and (write-tests) each mutant over the solution. */
export async function exerciseGraphs(root: string, exercise: LoadedExercise): Promise<ExerciseGraph[]> {
  const graphs = [
    await exerciseGraph(root, exercise, exercise.solution),
    await exerciseGraph(root, exercise, exercise.starter),
  ];
  for (const mutant of Object.values(exercise.mutants))
    graphs.push(await exerciseGraph(root, exercise, { ...exercise.solution, ...mutant.files }));
  return graphs;
}

/** Decides capability from the solution's and the starter's graphs (learners start from one and aim at the other) and the mutants'. */
export async function browserCapability(
  root: string,
  exercise: LoadedExercise,
): Promise<{ capability: BrowserCapability; graph: ExerciseGraph | undefined }> {
  // The browser engine grades one stage of one kind; a tdd exercise's two stages stay with the grader.
  if (exercise.manifest.kind === 'tdd')
    return { capability: { capable: false, reasons: ['needs: two-stage grading'] }, graph: undefined };
  try {
    const graphs = await exerciseGraphs(root, exercise);
    return { capability: capabilityOf(exercise, graphs), graph: graphs[0] };
  } catch (error) {
    return {
      capability: { capable: false, reasons: [`import graph: ${(error as Error).message.split('\n')[0]}`] },
      graph: undefined,
    };
  }
}

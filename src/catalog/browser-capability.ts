// Build time (Node only): can an exercise's hidden checks run in a browser Web Worker? Walks the
// real import graph with esbuild's resolver over the grading workspace (service/ + the learner's
// files + checks in __checks__/), so type-only imports (erased) do not count and every module the
// checks reach at run time does. Capable when everything resolves to workbook modules or to a
// package the browser engine ships; otherwise the reasons say what is missing.
import { build, type Plugin } from 'esbuild';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { BrowserCapability } from '../schemas/browser-capability.ts';
import type { LoadedExercise } from './load.ts';

import { BROWSER_PACKAGES, ENGINE_PACKAGES } from '../sandbox/browser-paths.ts';

export { BROWSER_PACKAGES };

/** Where checks sit in the grading workspace (grader/workspace.ts uses the same folder). */
export const CHECKS_DIR = '__checks__';

const FIXTURES = 'workbook:grader-fixtures';

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
}

/**
 * Node-only globals the worker does not give (src/sandbox/node-globals.ts gives Buffer, setImmediate
 * and global), looked for in esbuild's output (comments and type-only code already gone). `process`
 * counts: the worker's has an empty env, so code reading configuration runs in the local grader.
 */
const NODE_GLOBAL = /\b(process|__dirname|__filename|require)\b(?=\s*[.([])/g;

const MODULE_MOCK = /\bvi\s*\.\s*(mock|doMock|unmock|hoisted)\s*\(/;
const MOCKER = 'workbook:vi.mock';
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
      b.onLoad({ filter: /.*/, namespace: 'ws' }, (args) => ({ contents: read(args.path) ?? '', loader: 'ts' }));
    },
  };
  const entries = Object.keys(checks).filter((p) => p.endsWith('.check.ts'));
  if (exercise.manifest.kind === 'write-tests')
    entries.push(...Object.keys(learner).filter((p) => /\.(spec|test)\.ts$/.test(p)));
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
    tsconfigRaw: {
      compilerOptions: { verbatimModuleSyntax: true, experimentalDecorators: true, useDefineForClassFields: false },
    },
  });
  // Nest loads its HTTP platform only when an app is created (a dynamic import the graph cannot see).
  if (result.outputFiles.some((f) => NEST_APP.test(f.text))) packages.add('@nestjs/platform-express');
  // Module mocks need Vitest's module mocker (it hoists vi.mock above the imports); the browser runner has none.
  if (result.outputFiles.some((f) => MODULE_MOCK.test(f.text))) packages.add(MOCKER);
  const modules = Object.keys(result.metafile.inputs).map((p) => p.replace(/^ws:/, ''));
  const nodeGlobals = new Set(
    result.outputFiles.flatMap((f) => [...f.text.matchAll(NODE_GLOBAL)].map((m) => m[1] ?? '')),
  );
  return { modules, entries, packages: [...packages].sort(), imports, nodeGlobals: [...nodeGlobals].sort() };
}

/**
 * Exercises whose graph the browser can load but whose verdicts the parity test found to differ
 * from the local grader's, with why; they stay with the local grader until the difference is gone.
 */
export const PARITY_EXCEPTIONS: Readonly<Record<string, string>> = {
  'idempotency-key-store':
    "parity: the starter leaves a rejected promise without a handler, which the browser reports as a run error and the local grader's Vitest does not",
  'cqrs-create-task-handler':
    "parity: a wrong answer that does not await the save leaves a rejected promise without a handler, which the browser reports as a run error and the local grader's Vitest as a failed check (seen in a clean-clone CI run)",
  // JavaScript hashing (@noble/hashes) is several times slower than Node's native crypto, and these
  // checks hash tens of thousands of keys: the parity run hit the time limit in the browser only.
  'consistent-hash-ring':
    "parity: the checks hash many keys with MD5, which in the browser's JavaScript came close to the time limit (the local grader's native crypto does not)",
  'feature-flag-rollout':
    "parity: the checks hash many users with SHA-256, which in the browser's JavaScript came close to the time limit (the local grader's native crypto does not)",
};

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
      if (pkg === MOCKER) {
        reasons.add('vi.mock (the in-browser runner has no module mocker)');
        continue;
      }
      if (pkg === FIXTURES || pkg.startsWith('unresolved: ')) {
        reasons.add(pkg === FIXTURES ? 'needs: grader fixtures (database or Redis)' : pkg);
        continue;
      }
      reasons.add(
        name.startsWith('node:') || NODE_BUILTINS.has(name)
          ? `${name.startsWith('node:') ? name : `node:${name}`}`
          : `needs: ${safe.has(name) ? pkg : name}`,
      );
    }
    for (const name of graph.nodeGlobals) reasons.add(`node global: ${name}`);
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

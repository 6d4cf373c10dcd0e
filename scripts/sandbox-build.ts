// Third step of `npm run build`: the browser engine's files in <dist>/sandbox/ — the grading worker,
// one bundle per shared package (vitest with its browser runner, zod), and per browser-capable
// exercise its hidden checks and the read-only service modules they reach, compiled to ES modules
// by esbuild. The learner's files are never here: the page compiles them with Monaco's TS worker.
import { build, transform } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { declaredTestNames } from '../grader/report.ts';
import {
  BROWSER_PACKAGES,
  browserCapability,
  checkSources,
  exerciseGraphs,
} from '../src/catalog/browser-capability.ts';
import { loadExercises } from '../src/catalog/load.ts';
import { browserBundleSchema, type BrowserBundle } from '../src/schemas/browser-bundle.ts';
import { SANDBOX_DIR, packageFile } from '../src/sandbox/browser-paths.ts';
import { REFERENCE_CHECK, mutantCheckName } from '../src/sandbox/browser-write-tests.ts';
import { buildSharedPackages } from './sandbox-shared.ts';

const root = resolve(import.meta.dirname, '..');
const dist = resolve(root, process.env['WORKBOOK_DIST'] ?? 'dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`sandbox-build: ${dist}/index.html is missing; run "astro build" first (npm run build does both)`);
  process.exit(1);
}
const out = join(dist, SANDBOX_DIR);
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'exercises'), { recursive: true });
const started = performance.now();

// The service's compiler settings that change emitted code (legacy decorators, class fields as assignments).
const tsconfigRaw = {
  compilerOptions: { verbatimModuleSyntax: true, experimentalDecorators: true, useDefineForClassFields: false },
};
const browserBuild = {
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  logLevel: 'warning',
  legalComments: 'none',
} as const;

// Shared packages: one module each, so checks, service code and the runner share one instance.
const PACKAGE_ENTRIES: Record<(typeof BROWSER_PACKAGES)[number], string> = {
  vitest: "export * from 'vitest'; export { startTests, collectTests } from 'vitest/internal/browser';",
  zod: "export * from 'zod'; export { default } from 'zod';",
};
for (const name of BROWSER_PACKAGES) {
  await build({
    ...browserBuild,
    stdin: { contents: PACKAGE_ENTRIES[name], resolveDir: root, loader: 'js' },
    outfile: join(out, packageFile(name)),
  });
}
// The Node stand-ins (node:buffer, node:crypto) and NestJS, sharing chunks.
const shared = await buildSharedPackages(root, out);
await build({
  ...browserBuild,
  entryPoints: [join(root, 'src/sandbox/browser-worker.ts')],
  outfile: join(out, 'worker.js'),
  tsconfigRaw,
});

const compile = async (source: string, path: string) =>
  (await transform(source, { loader: 'ts', format: 'esm', target: 'es2022', sourcefile: path, tsconfigRaw })).code;
const capable: string[] = [];
for (const exercise of loadExercises(root)) {
  const { capability } = await browserCapability(root, exercise);
  if (!capability.capable) continue;
  const id = exercise.manifest.id;
  const editable = exercise.manifest.files.filter((f) => f.editable).map((f) => f.path);
  // Service modules reached from the solution or the starter; learners' files replace the editable ones.
  const graphs = await exerciseGraphs(root, exercise);
  const paths = [...new Set(graphs.flatMap((g) => g.modules))].filter((p) => !editable.includes(p));
  const checks = checkSources(root, id);
  const modules: Record<string, string> = {};
  // Checks may come from read-only service modules too (a shared repository contract's it() calls).
  const declared: string[] = [];
  for (const path of paths) {
    const source = checks[path] ?? readFileSync(join(root, 'service', path), 'utf8');
    if (/from ['"]vitest['"]/.test(source)) declared.push(...declaredTestNames(source));
    modules[path] = await compile(source, path);
  }
  const writeTests = exercise.manifest.kind === 'write-tests';
  // write-tests: the learner's spec is the entry; the mutants are the checks (names as the grader gives them).
  const entries = writeTests ? editable.filter((p) => /\.(spec|test)\.ts$/.test(p)) : (graphs[0]?.entries ?? []);
  const mutants = [];
  for (const { description, files } of Object.values(exercise.mutants)) {
    const compiled: Record<string, string> = {};
    for (const [path, source] of Object.entries(files)) compiled[path] = await compile(source, path);
    mutants.push({ description, modules: compiled });
  }
  if (writeTests)
    declared.splice(0, declared.length, REFERENCE_CHECK, ...mutants.map((m) => mutantCheckName(m.description)));
  const bundle: BrowserBundle = browserBundleSchema.parse({
    exerciseId: id,
    checks: declared,
    entries,
    editable,
    modules,
    timeLimitMs: exercise.manifest.timeLimitMs,
    kind: exercise.manifest.kind,
    mutants,
  });
  writeFileSync(join(out, 'exercises', `${id}.json`), JSON.stringify(bundle));
  capable.push(id);
}
console.log(
  `sandbox-build: worker, ${BROWSER_PACKAGES.length} package bundles, ${shared.length} stand-in and shared bundles and ${capable.length} exercise bundles in ${out} (${Math.round(performance.now() - started)} ms)`,
);

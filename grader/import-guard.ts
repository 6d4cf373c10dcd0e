// Threat: learner code (implement exercises) runs in the same process as the hidden checks. If it
// could import the test runner (vitest, @vitest/*, chai, tinyspy) or the grader's runtime, two
// lines would register hooks into the checks' suite or replace matchers and forge a pass. This
// scan refuses such files before the run with a message naming the import; the runner's Vite
// plugin (importGuardPlugin) refuses the same specifiers at run time, for computed imports. Code
// that reaches Node's loader directly (createRequire, process.getBuiltinModule) is refused too:
// it would bypass the plugin. The scan is a clear first line, not the last: the worker's locks
// and the check witness (runtime/integrity.ts) hold when an import is disguised.

const RUNNER = /^(?:vitest(?:\/.*)?|@vitest\/.*|chai(?:\/.*)?|tinyspy(?:\/.*)?|vite(?:\/.*)?|vite-node(?:\/.*)?)$/;
// Processes, threads, files and sockets are the sandbox's to refuse (grader/sandbox), with attempts.
const BUILTINS = /^(?:node:)?(?:module|inspector|inspector\/promises|vm|v8)$/;
const PATHS = /(?:^|\/)(?:grader|__checks__|checks|solutions)(?:\/|$)/;
const SPECIFIERS = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)(['"`])([^'"`]+)\1/g;
const LOADERS: [RegExp, string][] = [
  [/\bcreateRequire\b/, 'createRequire'],
  [
    /\bgetBuiltinModule\s*\(\s*['"`](?:node:)?(?:module|inspector|vm|v8)\b/,
    "process.getBuiltinModule of Node's loader",
  ],
  [/\bprocess\s*\.\s*binding\b|\b_linkedBinding\b/, 'process.binding'],
  [/__vitest_worker__|__vitest_|\$\$jest-matchers-object|expect-global/, "the test runner's internals"],
];

/** Why `specifier` may not be imported from a learner file, or undefined when it may. */
export function forbiddenImport(specifier: string): string | undefined {
  if (RUNNER.test(specifier)) return 'the test runner';
  if (BUILTINS.test(specifier)) return "Node's module loader or inspector";
  if (PATHS.test(specifier.replace(/\\/g, '/'))) return "the grader's own files";
  return undefined;
}

/** One line per refused import or loader escape in `source`; empty when the file may run. */
export function scanLearnerFile(path: string, source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(SPECIFIERS)) {
    const specifier = match[2] ?? '';
    const what = forbiddenImport(specifier);
    if (what) found.push(`${path} imports "${specifier}" (${what})`);
  }
  for (const [pattern, what] of LOADERS) {
    const match = pattern.exec(source);
    if (match) found.push(`${path} uses ${match[0].replace(/\s+/g, '')} (${what})`);
  }
  return found;
}

/** The learner-facing message for what scanLearnerFile found. */
export function refusedImportsMessage(found: string[]): string {
  return [
    'Your code reaches into the grader, so it was not run:',
    ...found.map((line) => `- ${line}`),
    'Exercise code may not import vitest, @vitest/*, chai, tinyspy or the grader, nor load modules around the',
    'bundler: the hidden checks run in the same process and must be the only ones to decide whether they passed.',
    'Remove these lines (the checks bring their own test tools) and run the checks again.',
  ].join('\n');
}

const refusal = (file: string, source: string, what: string) =>
  `WORKBOOK_IMPORT_REFUSED: ${file} imports "${source}" (${what}); exercise code may not import the test runner or the grader.`;

/** Vite plugin for the warm runner: imports from `guarded()` files of forbidden specifiers fail at resolve time. */
export function importGuardPlugin(guarded: () => ReadonlySet<string>) {
  const plugin = {
    name: 'workbook-import-guard',
    enforce: 'pre' as const,
    // Vitest's own resolver answers "vitest" first and drops the importer; this guard must see it.
    configResolved(config: { plugins: readonly object[] }) {
      const plugins = config.plugins as object[];
      const at = plugins.indexOf(plugin);
      if (at > 0) plugins.unshift(...plugins.splice(at, 1));
    },
    resolveId(source: string, importer: string | undefined) {
      if (!importer) return null;
      const file = importer.split('?')[0] ?? importer;
      if (!guarded().has(file)) return null;
      const what = forbiddenImport(source);
      if (!what) return null;
      throw new Error(refusal(file, source, what));
    },
    // The module runner answers a dynamic import of an id it already holds ("vitest", loaded by
    // the checks) from its cache, without resolving again: computed imports in learner files are
    // routed through a check that runs in the worker.
    transform(code: string, id: string) {
      const file = id.split('?')[0] ?? id;
      if (!guarded().has(file) || !/\bimport\s*\(/.test(code)) return null;
      const check = `\nfunction __workbookImport(s, o) { const t = String(s); if (${RUNNER}.test(t) || ${BUILTINS}.test(t) || ${PATHS}.test(t)) throw new Error(${JSON.stringify(refusal(file, '', 'the test runner or the grader').replace('""', '"%s"'))}.replace('%s', t)); return import(t, o); }\n`;
      return {
        code: code.replace(/(?<![\w$.])import\s*\((?!\s*\/\*\s*workbook)/g, '__workbookImport(') + check,
        map: null,
      };
    },
  };
  return plugin;
}

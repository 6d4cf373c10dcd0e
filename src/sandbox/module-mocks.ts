// Vitest's module mocks for the browser engine. Vitest hoists `vi.mock(path, factory)` above a test
// file's imports and hands every importer of `path` the factory's result; a worker links modules
// itself (module-linker.ts), so it does the same there: the call is cut from the test file and
// `path` links, for every module of the run, to a module that awaits the factory (with
// `importOriginal`) and re-exports its result. Supported form, the one the checks use: a top-level
// `vi.mock('<package>', factory)` in a test file, the package being one the engine ships. Anything
// else is named by `unsupportedMocks`, which the build-time capability walk reports.
import { argumentRanges, closingBracket, depthAt, maskLiterals } from './js-scan.ts';

export interface ModuleMock {
  /** The module specifier as written (`node:crypto`). */
  specifier: string;
  /** The factory's source (a function expression). */
  factory: string;
  /** Offsets of the whole call in the module's code, to cut it out. */
  start: number;
  end: number;
}

const MOCK_CALL = /\bvi\s*\.\s*(mock|doMock|unmock|doUnmock|hoisted|importActual|importMock)\s*\(/g;
const STRING = /^\s*(['"])([^'"\\\n]+)\1\s*$/;

interface Found {
  mocks: ModuleMock[];
  unsupported: string[];
}

function scan(code: string): Found {
  const masked = maskLiterals(code);
  const found: Found = { mocks: [], unsupported: [] };
  for (const match of masked.matchAll(MOCK_CALL)) {
    const method = match[1] ?? '';
    const start = match.index;
    const open = start + match[0].length - 1;
    const end = closingBracket(masked, open);
    if (method !== 'mock') {
      found.unsupported.push(`vi.${method}`);
      continue;
    }
    const args = end === -1 ? [] : argumentRanges(masked, open, end);
    const [path, factory] = args.map(([from, to]) => code.slice(from, to));
    const specifier = path?.match(STRING)?.[2];
    if (depthAt(masked, start) !== 0) found.unsupported.push('vi.mock (inside a function)');
    else if (!specifier) found.unsupported.push('vi.mock (with a path that is not a string literal)');
    else if (!factory || args.length !== 2) found.unsupported.push('vi.mock (without a factory)');
    else if (specifier.startsWith('.') || specifier.startsWith('/'))
      found.unsupported.push('vi.mock (of a workspace module)');
    else found.mocks.push({ specifier, factory: factory.trim(), start, end: code[end] === ';' ? end + 1 : end });
  }
  return found;
}

/** The supported module mocks of a test file's compiled code. */
export function moduleMocks(code: string): ModuleMock[] {
  return scan(code).mocks;
}

/** What the browser engine cannot do with a module's mock calls ("vi.mock (without a factory)", "vi.hoisted"). */
export function unsupportedMocks(code: string): string[] {
  return [...new Set(scan(code).unsupported)];
}

/** `code` without its mock calls (spaces in their place, lines kept), as after Vitest's hoisting. */
export function withoutMocks(code: string, mocks: readonly ModuleMock[]): string {
  let out = code;
  for (const { start, end } of mocks)
    out = out.slice(0, start) + out.slice(start, end).replace(/[^\n]/g, ' ') + out.slice(end);
  return out;
}

const VITEST_IMPORT = /\bimport\s*\{([^}]*)\}\s*from\s*['"]vitest['"]/g;

/**
 * The module every importer of a mocked package links to: the factory runs once, with the test
 * file's vitest imports in scope (Vitest hoists those too), and each export the package has is
 * re-exported from its result. A name the result lacks throws when used, with Vitest's message.
 */
export function mockModuleSource(
  mock: ModuleMock,
  testFile: string,
  urls: { vitest: string; original: string },
  exportNames: readonly string[],
): string {
  const vitestNames = [...testFile.matchAll(VITEST_IMPORT)]
    .map((m) => (m[1] ?? '').trim())
    .filter(Boolean)
    .join(', ');
  const names = [...new Set(['default', ...exportNames])].filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
  const message = (name: string) =>
    JSON.stringify(
      `[vitest] No "${name}" export is defined on the "${mock.specifier}" mock. Did you forget to return it from "vi.mock"?`,
    );
  return [
    `import { ${vitestNames || 'vi'} } from ${JSON.stringify(urls.vitest)};`,
    `import * as __original from ${JSON.stringify(urls.original)};`,
    `const __result = await (${mock.factory})(async () => __original);`,
    // Keys Vitest's mock proxy lets through (interop and well-known symbols) read as undefined.
    'const __fail = (message) => () => { throw new Error(message); };',
    "const __missing = (message) => new Proxy(function () {}, { get: (_, key) => (typeof key === 'symbol' || key === '__esModule' || key === 'then' ? undefined : __fail(message)()), apply: __fail(message), construct: __fail(message) });",
    'const __get = (name, message) => (name in __result ? __result[name] : __missing(message));',
    ...names.map((name, i) =>
      name === 'default'
        ? `export default __get('default', ${message(name)});`
        : `const __${i} = __get(${JSON.stringify(name)}, ${message(name)}); export { __${i} as ${name} };`,
    ),
  ].join('\n');
}

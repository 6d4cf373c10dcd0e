// Links ES modules held as strings into importable blob: URLs (workers support no import maps):
// every relative specifier is rewritten to the blob URL of the module it names, every bare one to
// the URL of a shared package bundle. Runs in the grading worker; no DOM. A test file's
// `vi.mock('<package>', factory)` links that package, in every module of the run, to a module
// built from the factory (module-mocks.ts), as Vitest's hoisting does.
import { type ModuleMock, mockModuleSource, moduleMocks, withoutMocks } from './module-mocks.ts';

/** Static `import … from`, `export … from`, side-effect `import '…'` and dynamic `import('…')` specifiers. */
const SPECIFIER = /(\bimport\s*\(\s*|\bimport\s*|\bfrom\s*)(['"])([^'"\n]+)\2/g;

/** What a bare import of a package or built-in looks like (`zod`, `@nestjs/common`, `rxjs/operators`, `node:crypto`). */
const PACKAGE_NAME = /^(node:[a-z_/]+|(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(\/[\w.-]+)*)$/i;

/** The specifiers a module imports, in order (what the linker will rewrite). */
export function importsOf(code: string): string[] {
  return [...code.matchAll(SPECIFIER)].map((m) => m[3] ?? '');
}

/** Resolves a relative specifier from a workspace path the way the grader's Vite does (`.js` → `.ts`). */
export function resolveRelative(
  from: string,
  specifier: string,
  exists: (path: string) => boolean,
): string | undefined {
  const parts = from.split('/').slice(0, -1);
  for (const part of specifier.split('/')) {
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else if (part !== '.' && part !== '') parts.push(part);
  }
  const target = parts.join('/');
  const base = target.replace(/\.js$/, '');
  return [`${base}.ts`, target, `${base}/index.ts`].find(exists);
}

export class LinkError extends Error {
  override name = 'LinkError';
}

/** The packages the test files (`entries`) mock: their export names must be known before linking. */
export function mockedPackages(modules: Record<string, string>, entries: readonly string[]): string[] {
  return [...new Set(entries.flatMap((entry) => moduleMocks(modules[entry] ?? '').map((m) => m.specifier)))];
}

/**
 * Creates a blob: URL per module reachable from `entries`; throws a LinkError naming the importing
 * file for an unknown module, a package the browser engine does not ship, or an import cycle.
 * `mockExports` gives the export names of each package in mockedPackages() (read from its bundle).
 */
export function linkModules(
  sources: Record<string, string>,
  entries: readonly string[],
  packages: Record<string, string>,
  createUrl: (code: string) => string,
  mockExports: Readonly<Record<string, readonly string[]>> = {},
): Map<string, string> {
  const urls = new Map<string, string>();
  const modules = { ...sources };
  /** Package bundle URL → the URL of its mock (so `crypto` and `node:crypto` share one, as in Vitest). */
  const mocks = new Map<string, string>();
  for (const entry of entries) {
    const code = modules[entry];
    const found: ModuleMock[] = code === undefined ? [] : moduleMocks(code);
    if (code === undefined || found.length === 0) continue;
    modules[entry] = withoutMocks(code, found);
    for (const mock of found) {
      const original = packages[mock.specifier];
      const vitest = packages['vitest'];
      const names = mockExports[mock.specifier];
      if (!original || !vitest || !names)
        throw new LinkError(
          `${entry} mocks "${mock.specifier}", which the in-browser grader does not provide. Run the checks with the local grader (npm start).`,
        );
      mocks.set(original, createUrl(mockModuleSource(mock, code, { vitest, original }, names)));
    }
  }
  const open = new Set<string>();
  const visit = (path: string): string => {
    const done = urls.get(path);
    if (done) return done;
    if (open.has(path))
      throw new LinkError(
        `${path} is part of an import cycle, which the browser engine cannot load; run the checks with the local grader (npm start).`,
      );
    const code = modules[path];
    if (code === undefined) throw new LinkError(`Cannot find module ${path}.`);
    open.add(path);
    const linked = code.replace(SPECIFIER, (_whole: string, before: string, quote: string, specifier: string) => {
      if (specifier.startsWith('.')) {
        const target = resolveRelative(path, specifier, (p) => p in modules);
        if (!target)
          throw new LinkError(
            `${path} imports "${specifier}", which does not exist in the workspace. Check the path (service imports end in .js).`,
          );
        return `${before}${quote}${visit(target)}${quote}`;
      }
      const pkg = packages[specifier];
      if (pkg) return `${before}${quote}${mocks.get(pkg) ?? pkg}${quote}`;
      if (/^(blob|https?):/.test(specifier))
        throw new LinkError(`${path} imports "${specifier}": checks run offline and cannot load code from a URL.`);
      // The pattern also meets text such as `hash from '$2b$10$'` inside a string: what cannot name a
      // package is left as written (a real import of it fails in the browser with its own message).
      if (!PACKAGE_NAME.test(specifier)) return `${before}${quote}${specifier}${quote}`;
      throw new LinkError(
        `${path} imports "${specifier}", which the in-browser grader does not provide (it has: ${Object.keys(packages).join(', ')}). Run the checks with the local grader (npm start).`,
      );
    });
    open.delete(path);
    const url = createUrl(`${linked}\n//# sourceURL=workspace/${path}`);
    urls.set(path, url);
    return url;
  };
  for (const entry of entries) visit(entry);
  return urls;
}

import { describe, expect, it } from 'vitest';
import { maskLiterals } from './js-scan.ts';
import { linkModules, mockedPackages } from './module-linker.ts';
import { mockModuleSource, moduleMocks, unsupportedMocks, withoutMocks } from './module-mocks.ts';

const CHECK = `import * as crypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { verify } from '../src/verify.js';
vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal();
  const timingSafeEqual = vi.fn(original.timingSafeEqual);
  return { ...original, timingSafeEqual, default: { ...original, timingSafeEqual } };
});
it('compares in constant time', () => { verify('a'); expect(vi.mocked(crypto.timingSafeEqual)).toHaveBeenCalled(); });
`;

describe('maskLiterals', () => {
  it('blanks comments, strings, template text and regular expressions, keeping offsets and lines', () => {
    const code =
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the text is JavaScript source holding a template literal.
      "a('process.exit(0)'); // process.env\n/* vi.mock( */ b(`x ${process.env.Y} \\` z`, /process\\.exit\\(/g, 4 / 2);";
    const masked = maskLiterals(code);
    expect(masked).toHaveLength(code.length);
    expect(masked.split('\n')).toHaveLength(2);
    expect(masked).not.toContain('exit');
    expect(masked).not.toContain('vi.mock');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template's expression is code and stays.
    expect(masked).toContain('${process.env.Y}');
    expect(masked).toContain('4 / 2');
  });
});

describe('moduleMocks', () => {
  it('finds a top-level vi.mock with a package path and a factory, and cuts it out keeping lines', () => {
    const [mock, ...rest] = moduleMocks(CHECK);
    expect(rest).toEqual([]);
    expect(mock?.specifier).toBe('node:crypto');
    expect(mock?.factory).toMatch(/^async \(importOriginal\) => \{[\s\S]*\}$/);
    const cut = withoutMocks(CHECK, mock ? [mock] : []);
    expect(cut).not.toContain("vi.mock('");
    expect(cut.split('\n')).toHaveLength(CHECK.split('\n').length);
    expect(cut).toContain("it('compares in constant time'");
  });

  it('names the forms the browser engine cannot reproduce', () => {
    expect(unsupportedMocks("vi.mock('node:crypto');")).toEqual(['vi.mock (without a factory)']);
    expect(unsupportedMocks("vi.mock('../src/x.js', () => ({}));")).toEqual(['vi.mock (of a workspace module)']);
    expect(unsupportedMocks("it('x', () => { vi.mock('zod', () => ({})); });")).toEqual([
      'vi.mock (inside a function)',
    ]);
    expect(unsupportedMocks('vi.mock(name, () => ({}));')).toEqual([
      'vi.mock (with a path that is not a string literal)',
    ]);
    expect(unsupportedMocks("const h = vi.hoisted(() => 1); vi.doMock('zod', () => ({}));")).toEqual([
      'vi.hoisted',
      'vi.doMock',
    ]);
    expect(unsupportedMocks('const text = "vi.mock(\'x\')";')).toEqual([]);
    expect(unsupportedMocks(CHECK)).toEqual([]);
  });
});

describe('linking a mocked package', () => {
  const packages = { vitest: 'https://x/pkg-vitest.js', 'node:crypto': 'https://x/pkg-node-crypto.js' };
  const link = () => {
    const made: string[] = [];
    const modules = {
      '__checks__/a.check.ts': CHECK,
      'src/verify.ts':
        "import { timingSafeEqual } from 'node:crypto';\nexport const verify = (a) => timingSafeEqual(a, a);",
    };
    expect(mockedPackages(modules, ['__checks__/a.check.ts'])).toEqual(['node:crypto']);
    const urls = linkModules(
      modules,
      ['__checks__/a.check.ts'],
      packages,
      (code) => {
        made.push(code);
        return `blob:${made.length}`;
      },
      { 'node:crypto': ['createHmac', 'timingSafeEqual'] },
    );
    return { urls, made };
  };

  it('links every importer of the package, the test file included, to one module built from the factory', () => {
    const { urls, made } = link();
    expect(made[0]).toContain('import * as __original from "https://x/pkg-node-crypto.js"');
    expect(made[0]).toContain('import { describe, expect, it, vi } from "https://x/pkg-vitest.js"');
    expect(made[0]).toContain('export { __2 as timingSafeEqual }');
    expect(made[1]).toContain("from 'blob:1'");
    expect(made[2]).toContain("import * as crypto from 'blob:1'");
    expect(made[2]).not.toContain("vi.mock('");
    expect(urls.get('__checks__/a.check.ts')).toBe('blob:3');
  });

  it('refuses a mock of a package the engine does not ship, naming the file', () => {
    expect(() =>
      linkModules({ 'a.check.ts': "vi.mock('redis', () => ({}));" }, ['a.check.ts'], packages, () => 'blob:1'),
    ).toThrow(/a\.check\.ts mocks "redis"/);
  });

  it('runs the factory once with importOriginal, and a name the result lacks throws as in Vitest', async () => {
    const url = (code: string) => `data:text/javascript,${encodeURIComponent(code)}`;
    const original = url('export const one = () => 1; export const two = () => 2; export default { one: 1 };');
    const vitest = url('export const vi = { fn: (f) => Object.assign((...a) => f(...a), { spy: true }) };');
    const [mock] = moduleMocks(
      "import { vi } from 'vitest';\nvi.mock('pkg', async (importOriginal) => { const o = await importOriginal(); return { one: vi.fn(o.one), two: o.two }; });",
    );
    if (!mock) throw new Error('no mock found');
    const source = mockModuleSource(mock, "import { vi } from 'vitest';", { vitest, original }, ['one', 'two']);
    const ns = await import(/* @vite-ignore */ url(source));
    expect(ns.one()).toBe(1);
    expect(ns.one.spy).toBe(true);
    expect(ns.two()).toBe(2);
    expect(() => ns.default.one).toThrow('[vitest] No "default" export is defined on the "pkg" mock');
  });
});

import { describe, expect, it } from 'vitest';
import { importsOf, LinkError, linkModules, resolveRelative } from './module-linker.ts';

const link = (
  modules: Record<string, string>,
  entries: string[],
  packages: Record<string, string> = { vitest: 'https://x/pkg-vitest.js' },
) => {
  const made: string[] = [];
  const urls = linkModules(modules, entries, packages, (code) => {
    made.push(code);
    return `blob:${made.length}`;
  });
  return { urls, made };
};

describe('linkModules', () => {
  it('links dependencies first and rewrites relative and package specifiers to their URLs', () => {
    const { urls, made } = link(
      {
        '__checks__/a.check.ts':
          "import { it } from 'vitest';\nimport { Task } from '../src/task.js';\nexport * from '../src/task.js';",
        'src/task.ts': "import './side.js';\nexport const Task = 1; const later = () => import('./side.js');",
        'src/side.ts': 'export {};',
      },
      ['__checks__/a.check.ts'],
    );
    expect([...urls.keys()]).toEqual(['src/side.ts', 'src/task.ts', '__checks__/a.check.ts']);
    expect(made[1]).toContain("import 'blob:1'");
    expect(made[1]).toContain("import('blob:1')");
    expect(made[2]).toContain("from 'https://x/pkg-vitest.js'");
    expect(made[2]).toContain("from 'blob:2'");
  });

  it('names what cannot be linked: unknown module, missing package, URL imports, cycles', () => {
    expect(() => link({ 'a.ts': "import './b.js';" }, ['a.ts'])).toThrow(
      /a\.ts imports "\.\/b\.js", which does not exist/,
    );
    expect(() => link({ 'a.ts': "import 'ioredis';" }, ['a.ts'])).toThrow(/does not provide/);
    expect(() => link({ 'a.ts': "import 'https://evil.example/x.js';" }, ['a.ts'])).toThrow(
      /cannot load code from a URL/,
    );
    expect(() => link({ 'a.ts': "import './b.js';", 'b.ts': "import './a.js';" }, ['a.ts'])).toThrow(LinkError);
  });

  it('resolves like the grader (.js → .ts, index.ts) and lists imports', () => {
    expect(resolveRelative('src/a/b.ts', '../c.js', (p) => p === 'src/c.ts')).toBe('src/c.ts');
    expect(resolveRelative('src/a.ts', './dir', (p) => p === 'src/dir/index.ts')).toBe('src/dir/index.ts');
    expect(resolveRelative('a.ts', '../../x.js', () => true)).toBeUndefined();
    expect(
      importsOf(
        "import a from 'x';\nexport { b } from \"./y.js\";\nawait import('./z.js'); const s = Array.from('abc');",
      ),
    ).toEqual(['x', './y.js', './z.js']);
  });

  it('leaves text that only looks like an import alone (a bcrypt prefix in a string)', () => {
    const code = "const message = 'a hash from '$2b$10$' is expected';";
    const urls = linkModules({ 'a.ts': code }, ['a.ts'], {}, (c) => c);
    expect(urls.get('a.ts')).toContain("from '$2b$10$'");
  });
});

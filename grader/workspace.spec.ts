import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { Workspace } from './workspace.ts';

let base: string;
let service: string;
let workspace: Workspace;
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'workspace-spec-'));
  service = join(base, 'service');
  mkdirSync(join(service, 'src'), { recursive: true });
  writeFileSync(join(service, 'src/a.ts'), 'export const a = 1;\n');
  writeFileSync(join(service, 'src/b.ts'), 'export const b = 1;\n');
  mkdirSync(join(service, 'node_modules', 'dep'), { recursive: true });
  workspace = new Workspace(service, join(base, 'ws'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

const at = (path: string) => join(base, 'ws', path);

it('copies the service once, links its node_modules, and reports every file as changed the first time', () => {
  const changed = workspace.apply(new Map());
  expect(changed.sort()).toEqual([at('src/a.ts'), at('src/b.ts')]);
  expect(existsSync(at('node_modules/dep')), 'service node_modules reachable through a link').toBe(true);
  expect(workspace.apply(new Map()), 'nothing changed since').toEqual([]);
});

it('overlays files, then restores service files and removes new ones, reporting exactly what changed', () => {
  workspace.apply(new Map());
  const first = workspace.apply(
    new Map([
      ['src/a.ts', 'export const a = 2;\n'],
      ['__checks__/x.check.ts', 'check'],
    ]),
  );
  expect(first.sort()).toEqual([at('__checks__/x.check.ts'), at('src/a.ts')]);
  expect(workspace.read('src/a.ts')).toBe('export const a = 2;\n');
  expect(
    workspace.apply(
      new Map([
        ['src/a.ts', 'export const a = 2;\n'],
        ['__checks__/x.check.ts', 'check'],
      ]),
    ),
    'same overlay again',
  ).toEqual([]);
  const back = workspace.apply(new Map());
  expect(back.sort()).toEqual([at('__checks__/x.check.ts'), at('src/a.ts')]);
  expect(workspace.read('src/a.ts'), 'restored from the service').toBe('export const a = 1;\n');
  expect(existsSync(at('__checks__/x.check.ts')), 'a file the service does not have is removed').toBe(false);
  expect(readFileSync(join(service, 'src/a.ts'), 'utf8'), 'the service itself is never written').toBe(
    'export const a = 1;\n',
  );
});

it('follows changes in the service: edited files are copied again, deleted ones removed', () => {
  workspace.apply(new Map());
  writeFileSync(join(service, 'src/b.ts'), 'export const b = 22;\n');
  utimesSync(join(service, 'src/b.ts'), new Date(), new Date(Date.now() + 5000));
  rmSync(join(service, 'src/a.ts'));
  expect(workspace.apply(new Map()).sort()).toEqual([at('src/a.ts'), at('src/b.ts')]);
  expect(workspace.read('src/b.ts')).toBe('export const b = 22;\n');
  expect(existsSync(at('src/a.ts'))).toBe(false);
});

it('writes and reports nothing when an overlay equals what the workspace already holds', () => {
  workspace.apply(new Map());
  expect(
    workspace.apply(new Map([['src/a.ts', 'export const a = 1;\n']])),
    "the service's own text as an overlay",
  ).toEqual([]);
  expect(workspace.apply(new Map()), 'removing that overlay').toEqual([]);
});

it('restores a check or service file that the previous run rewrote, and reports it', () => {
  workspace.apply(new Map([['__checks__/x.check.ts', 'check']]));
  writeFileSync(at('__checks__/x.check.ts'), 'it passes');
  writeFileSync(at('src/b.ts'), 'export const b = 999;\n');
  const changed = workspace.apply(new Map([['__checks__/x.check.ts', 'check']]));
  expect(changed.sort()).toEqual([at('__checks__/x.check.ts'), at('src/b.ts')]);
  expect(workspace.read('__checks__/x.check.ts')).toBe('check');
  expect(workspace.read('src/b.ts')).toBe('export const b = 1;\n');
});

it('never writes through a symlink: a linked check file or folder is replaced, its target untouched', () => {
  workspace.apply(new Map([['__checks__/x.check.ts', 'check']]));
  const outside = join(base, 'outside.ts');
  writeFileSync(outside, 'outside');
  rmSync(at('__checks__/x.check.ts'));
  symlinkSync(outside, at('__checks__/x.check.ts'));
  mkdirSync(join(base, 'elsewhere'));
  rmSync(at('src'), { recursive: true });
  symlinkSync(join(base, 'elsewhere'), at('src'));
  workspace.apply(
    new Map([
      ['__checks__/x.check.ts', 'check'],
      ['src/a.ts', 'learner'],
    ]),
  );
  expect(readFileSync(outside, 'utf8')).toBe('outside');
  expect(readdirSync(join(base, 'elsewhere'))).toEqual([]);
  expect(lstatSync(at('src')).isDirectory() && !lstatSync(at('src')).isSymbolicLink()).toBe(true);
  expect(workspace.read('__checks__/x.check.ts')).toBe('check');
  expect(workspace.read('src/a.ts')).toBe('learner');
  expect(workspace.read('src/b.ts')).toBe('export const b = 1;\n');
});

it('removes modules and symlinks it did not write (a planted node_modules/vitest, an extra check)', () => {
  workspace.apply(new Map([['__checks__/x.check.ts', 'check']]));
  mkdirSync(at('src/node_modules/vitest'), { recursive: true });
  writeFileSync(at('src/node_modules/vitest/index.js'), 'export const it = () => {};');
  writeFileSync(at('__checks__/extra.check.ts'), 'it passes');
  symlinkSync('/etc/passwd', at('src/passwd'));
  workspace.apply(new Map([['__checks__/x.check.ts', 'check']]));
  expect(existsSync(at('src/node_modules'))).toBe(false);
  expect(existsSync(at('__checks__/extra.check.ts'))).toBe(false);
  expect(lstatOrNull(at('src/passwd'))).toBe(null);
  expect(existsSync(at('node_modules/dep')), 'the grader’s own node_modules link stays').toBe(true);
});

function lstatOrNull(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

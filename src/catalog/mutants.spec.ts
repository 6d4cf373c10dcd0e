import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyMutant, occurrences } from './mutants.ts';

const service: Record<string, string> = { 'src/a.ts': 'const a = 1;\nconst b = 1;\n' };
const read = (path: string) => service[path];

describe('applyMutant', () => {
  it('applies edits in order, each to the file as the previous ones left it', () => {
    const files = applyMutant(
      {
        description: 'x',
        edits: [
          { file: 'src/a.ts', find: 'const a = 1;', replace: 'const a = 2;' },
          { file: 'src/a.ts', find: 'a = 2', replace: 'a = 3' },
        ],
      },
      read,
    );
    expect(files).toEqual({ 'src/a.ts': 'const a = 3;\nconst b = 1;\n' });
  });

  it('refuses an ambiguous or missing anchor, an unknown file and a no-op', () => {
    const one =
      (find: string, file = 'src/a.ts', replace = 'y') =>
      () =>
        applyMutant({ description: 'x', edits: [{ file, find, replace }] }, read);
    expect(one('= 1;')).toThrow('edits[0].find matches 2 times in service/src/a.ts');
    expect(one('nowhere')).toThrow('edits[0].find matches 0 times in service/src/a.ts');
    expect(one('x', 'src/b.ts')).toThrow('edits[0].file "src/b.ts" does not exist in service/');
    expect(one('const a = 1;', 'src/a.ts', 'const a = 1;')).toThrow('leave service/src/a.ts unchanged');
  });

  it('replaces `$` patterns literally', () => {
    const files = applyMutant(
      { description: 'x', edits: [{ file: 'src/a.ts', find: 'a = 1', replace: "a = '$&$1'" }] },
      read,
    );
    expect(files['src/a.ts']).toContain("const a = '$&$1';");
  });

  it('counts overlapping occurrences', () => {
    expect(occurrences('aaa', 'aa')).toBe(2);
  });
});

// The catalog's own mutants: edits only. A whole-file copy under checks/*/mutants/ would keep
// testing an old version of the service silently (the drift this format exists to prevent).
it('no file under checks/*/mutants/ is a copy of a service file, or anything but a mutant .json', () => {
  const root = join(import.meta.dirname, '..', '..');
  const serviceFiles = new Set<string>();
  const walk = (dir: string, visit: (file: string) => void) => {
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      if (name === 'node_modules') continue;
      if (statSync(file).isDirectory()) walk(file, visit);
      else visit(file);
    }
  };
  walk(join(root, 'service'), (file) => serviceFiles.add(readFileSync(file, 'utf8')));
  const found: string[] = [];
  for (const id of readdirSync(join(root, 'checks'))) {
    const dir = join(root, 'checks', id, 'mutants');
    if (!statSync(join(root, 'checks', id)).isDirectory() || !readdirSync(join(root, 'checks', id)).includes('mutants'))
      continue;
    walk(dir, (file) => found.push(file));
  }
  expect(found.length).toBeGreaterThan(0);
  const copies = found.filter((file) => serviceFiles.has(readFileSync(file, 'utf8')));
  const notEdits = found.filter((file) => !file.endsWith('.json') || statSync(file).isDirectory());
  expect(copies).toEqual([]);
  expect(notEdits).toEqual([]);
});

// Build-time: the file tree the WebContainer engine mounts (/webcontainer/workspace.json). It is a
// slim copy of this repository's grading path: the grader, the schemas and catalog it imports, the
// service, the exercises, solutions and checks, and a package.json whose `npm install` (run once in
// the container) fetches only what grading needs. Node only.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { WorkspaceTree } from '../sandbox/webcontainer-engine.ts';

const ROOT = process.cwd();
/** Folders copied into the container, and what is left out of them. */
const INCLUDE = [
  'grader',
  'src/schemas',
  'src/catalog',
  'service/src',
  'service/prisma',
  'exercises',
  'solutions',
  'checks',
];
const FILES = [
  'service/package.json',
  'service/tsconfig.json',
  'service/vitest.config.ts',
  'service/prisma.config.ts',
  'vitest.config.ts',
  'tsconfig.json',
];
// The service's and grader's own specs are not needed to grade; write-tests solutions (specs) are.
const SKIP = /(^|\/)(node_modules|coverage|fixtures|\.workbook)(\/|$)|^(service|grader)\/.*\.spec\.ts$/;
/** Root devDependencies the grader itself imports; the service brings its own. */
const GRADER_DEPENDENCIES = ['vitest', 'zod', '@types/node', 'typescript'];

/** Builds the tree; paths are relative to the repository root. */
export function webcontainerWorkspace(): WorkspaceTree {
  const tree: WorkspaceTree = {};
  const put = (path: string, contents: string) => {
    const parts = path.split('/');
    let dir = tree;
    for (const part of parts.slice(0, -1)) {
      const next = dir[part] ?? { directory: {} };
      dir[part] = next;
      if (!('directory' in next)) throw new Error(`webcontainer workspace: ${path} collides with a file`);
      dir = next.directory;
    }
    dir[parts.at(-1) ?? path] = { file: { contents } };
  };
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      const path = relative(ROOT, full).split(sep).join('/');
      if (SKIP.test(path)) continue;
      if (statSync(full).isDirectory()) walk(full);
      else put(path, readFileSync(full, 'utf8'));
    }
  };
  for (const folder of INCLUDE) if (existsSync(join(ROOT, folder))) walk(join(ROOT, folder));
  for (const file of FILES) if (existsSync(join(ROOT, file))) put(file, readFileSync(join(ROOT, file), 'utf8'));
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    name: string;
    devDependencies: Record<string, string>;
  };
  put(
    'package.json',
    `${JSON.stringify(
      {
        name: `${pkg.name}-webcontainer`,
        private: true,
        type: 'module',
        // WebContainer runs Node 20 unless told otherwise; the grader's .ts files need 22's type stripping.
        engines: { node: '>=22' },
        workspaces: ['service'],
        bin: { workbook: 'grader/cli.ts' },
        devDependencies: Object.fromEntries(
          GRADER_DEPENDENCIES.filter((d) => pkg.devDependencies[d]).map((d) => [d, pkg.devDependencies[d]]),
        ),
      },
      null,
      2,
    )}\n`,
  );
  return tree;
}

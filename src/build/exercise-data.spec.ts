import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { allExercises, editorData, exerciseById, renderInstructions } from './exercise-data.ts';
import { webcontainerWorkspace } from './webcontainer-workspace.ts';
import { IGNORED_DIAGNOSTICS } from './editor-types.ts';
import type { WorkspaceTree } from '../sandbox/webcontainer-engine.ts';

// These read the real catalog: task-entity-complete is the grader's reference exercise.
const exercise = exerciseById('task-entity-complete', 'spec');

describe('editorData', () => {
  const data = editorData(exercise);

  it('gives the tabs in manifest order, editable ones with their starter code', () => {
    expect(data.files.map((f) => [f.path, f.editable])).toEqual(
      exercise.manifest.files.map((f) => [f.path, f.editable]),
    );
    expect(data.files[0]?.content).toBe(exercise.starter['src/domain/task/task.entity.ts']);
    expect(data.solution).toEqual(exercise.solution);
  });

  it('gives the TS worker every service file any exercise imports, transitively', () => {
    let checked = 0;
    for (const e of allExercises()) {
      const d = editorData(e);
      const known = new Set([...d.files.map((f) => f.path), ...d.libs.map((l) => l.path)]);
      for (const source of [...d.files, ...d.libs]) {
        for (const [, spec] of source.content.matchAll(/from\s*'(\.[^']+)'/g)) {
          const target = join(dirname(source.path), spec ?? '').replace(/\.js$/, '.ts');
          // Imports of files the service lacks are the exercise's own new files (its tabs).
          const inService = existsSync(join(process.cwd(), 'service', target));
          expect(known.has(target) || !inService, `${e.manifest.id}: ${source.path} imports ${target}`).toBe(true);
          if (inService) checked++;
        }
      }
      expect(
        d.libs.some((l) => d.files.some((f) => f.path === l.path)),
        'tabs are models, not libs',
      ).toBe(false);
    }
    // The loop above proves nothing if the import scan matches nothing (a changed import style).
    expect(checked, 'service imports found in the exercises').toBeGreaterThan(100);
  });

  it('declares external modules so imports of packages raise no false errors', () => {
    const ambient = data.libs.find((l) => l.path === '__workbook__/ambient.d.ts')?.content ?? '';
    expect(ambient).toContain('declare const process');
  });

  it('never ships the hidden checks', () => {
    const text = JSON.stringify(data);
    for (const file of exercise.checkFiles) expect(text).not.toContain(file.split('/').pop());
  });
});

describe('renderInstructions', () => {
  it('drops the leading title, shifts headings and prefixes their ids', async () => {
    const html = await renderInstructions(exercise, 4);
    expect(html).not.toMatch(/<h[1-3][ >]/);
    for (const match of html.matchAll(/\bid="([^"]+)"/g)) expect(match[1]).toMatch(/^task-entity-complete--/);
  });
});

describe('exerciseById', () => {
  it('names the unknown id and the known ones', () => {
    expect(() => exerciseById('no-such-exercise', 'week-01.mdx')).toThrow(
      /week-01.mdx: <Exercise id="no-such-exercise" \/> names no exercise; known ids: .*task-entity-complete/,
    );
  });
});

describe('webcontainerWorkspace', () => {
  const tree = webcontainerWorkspace();
  const file = (path: string): string | undefined => {
    let node: WorkspaceTree[string] | undefined = { directory: tree };
    for (const part of path.split('/')) node = node && 'directory' in node ? node.directory[part] : undefined;
    return node && 'file' in node ? node.file.contents : undefined;
  };

  it('holds the grader CLI, the service and every exercise with its checks', () => {
    expect(file('grader/cli.ts')).toContain('grade --ndjson');
    expect(file('service/package.json')).toBeDefined();
    for (const e of allExercises()) {
      expect(file(`exercises/${e.manifest.id}/exercise.json`)).toBeDefined();
      for (const check of e.checkFiles) expect(file(`checks/${e.manifest.id}/${check.split('/').pop()}`)).toBeDefined();
    }
  });

  it('leaves out node_modules, fixtures and the service specs, and installs only grading dependencies', () => {
    const text = JSON.stringify(tree);
    expect(text).not.toContain('"node_modules"');
    expect(text).not.toContain('"fixtures"');
    const pkg = JSON.parse(file('package.json') ?? '{}') as {
      devDependencies: Record<string, string>;
      workspaces: string[];
    };
    expect(Object.keys(pkg.devDependencies)).toContain('vitest');
    expect(Object.keys(pkg.devDependencies)).not.toContain('astro');
    expect(pkg.workspaces).toEqual(['service']);
  });
});

describe('type libraries against the TypeScript compiler', () => {
  // What Monaco's TS worker sees: the tabs (starter, then solution) and the libs, in memory. Any
  // diagnostic here would be a false error shown to the learner next to correct code.
  const libCache = new Map<string, ts.SourceFile>();
  const compile = (files: Record<string, string>, editable: readonly string[]): string[] => {
    const options: ts.CompilerOptions = {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      strict: true,
      experimentalDecorators: true,
      esModuleInterop: true,
      skipLibCheck: true,
      noEmit: true,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    };
    const host = ts.createCompilerHost(options);
    // TypeScript's own lib files are parsed once for all exercises (parsing lib.dom is most of the cost).
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (name, version, onError, create) => {
      if (name.startsWith('/workspace/')) return getSourceFile(name, version, onError, create);
      const cached = libCache.get(name) ?? getSourceFile(name, version, onError, create);
      if (cached) libCache.set(name, cached);
      return cached;
    };
    const read = host.readFile.bind(host);
    const exists = host.fileExists.bind(host);
    const key = (f: string) => f.replace(/^\/workspace\//, '');
    host.readFile = (f) => files[key(f)] ?? read(f);
    host.fileExists = (f) => key(f) in files || (!f.startsWith('/workspace/') && exists(f));
    host.getCurrentDirectory = () => '/workspace';
    host.directoryExists = (d) =>
      !d.startsWith('/workspace') ||
      Object.keys(files).some((f) => `/workspace/${f}`.startsWith(`${d.replace(/\/$/, '')}/`));
    host.realpath = (p) => p;
    const program = ts.createProgram(
      Object.keys(files).map((f) => `/workspace/${f}`),
      options,
      host,
    );
    // What the learner sees: errors in the editable files, minus the codes the editor ignores.
    return editable
      .flatMap((f) => [
        ...program.getSyntacticDiagnostics(program.getSourceFile(`/workspace/${f}`)),
        ...program.getSemanticDiagnostics(program.getSourceFile(`/workspace/${f}`)),
      ])
      .filter((d) => d.category === ts.DiagnosticCategory.Error && !IGNORED_DIAGNOSTICS.includes(d.code))
      .map(
        (d) =>
          `${d.file?.fileName ?? ''}:${d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0} TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
      );
  };

  for (const e of allExercises()) {
    it(`${e.manifest.id}: the solution and the starter show no false errors`, () => {
      const data = editorData(e);
      const base = Object.fromEntries(
        [...data.files, ...data.libs].filter((f) => f.path.endsWith('.ts')).map((f) => [f.path, f.content]),
      );
      const editable = data.files.filter((f) => f.editable).map((f) => f.path);
      expect(compile({ ...base, ...e.solution }, editable), 'the reference solution').toEqual([]);
      expect(compile(base, editable), 'the starter').toEqual([]);
    });
  }
});

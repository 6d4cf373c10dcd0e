import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { CatalogError, loadExercise, loadExercises } from './load.ts';

let root: string;
let nextOrder = 1;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'catalog-spec-'));
  nextOrder = 1;
  put('service/src/ports.ts', 'export {};');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function put(path: string, content: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

const manifest = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: 'An exercise',
  week: 1,
  order: nextOrder++,
  competencies: ['solid'],
  difficulty: 'beginner',
  kind: 'implement',
  summary: 'Something worth doing.',
  files: [
    { path: 'src/x.ts', editable: true },
    { path: 'src/ports.ts', editable: false },
  ],
  hints: ['one', 'two'],
  ...extra,
});

function exercise(folder: string, body: Record<string, unknown> = manifest(folder)): void {
  put(`exercises/${folder}/exercise.json`, JSON.stringify(body));
  put(`exercises/${folder}/instructions.md`, '# Do it');
  put(`exercises/${folder}/src/x.ts`, 'export const x = 0;');
  put(`solutions/${folder}/src/x.ts`, 'export const x = 1;');
  put(`checks/${folder}/x.check.ts`, "it('x', () => {});");
}

const problems = () => {
  try {
    loadExercises(root);
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogError);
    return (error as Error).message;
  }
  return '';
};

it('loads a valid exercise with its starter, solution, read-only files and checks', () => {
  exercise('alpha');
  const [loaded] = loadExercises(root);
  expect(loaded?.manifest.id).toBe('alpha');
  expect(loaded?.starter).toEqual({ 'src/x.ts': 'export const x = 0;' });
  expect(loaded?.solution).toEqual({ 'src/x.ts': 'export const x = 1;' });
  expect(Object.keys(loaded?.readonly ?? {})).toEqual(['src/ports.ts']);
  expect(loaded?.checkFiles).toHaveLength(1);
});

it('names the file and the field of a broken manifest', () => {
  exercise('alpha', manifest('alpha', { week: 13, competencies: ['juggling'] }));
  const message = problems();
  expect(message).toContain('exercises/alpha/exercise.json: field "week"');
  expect(message).toContain('exercises/alpha/exercise.json: field "competencies.0"');
});

it('reports invalid JSON, missing paths, and an id that differs from its folder (which keeps ids unique)', () => {
  put('exercises/broken/exercise.json', '{ nope');
  exercise(
    'beta',
    manifest('beta', {
      files: [
        { path: 'src/x.ts', editable: true },
        { path: 'src/missing.ts', editable: false },
      ],
    }),
  );
  exercise('gamma', manifest('beta'));
  const message = problems();
  expect(message).toContain('exercises/broken/exercise.json: is not valid JSON');
  expect(message).toContain('files[1].path "src/missing.ts" does not exist in service/');
  expect(message).toContain('field "id" is "beta" but the folder is "gamma"');
});

it('a write-tests exercise needs at least three mutants, each a valid <name>.json of edits', () => {
  exercise('delta', manifest('delta', { kind: 'write-tests' }));
  const edit = { file: 'src/ports.ts', find: 'export {};', replace: 'export const broken = 1;' };
  put('checks/delta/mutants/one.json', JSON.stringify({ description: 'forgets to save', edits: [edit] }));
  put('checks/delta/mutants/two.json', JSON.stringify({ edits: [edit] }));
  const message = problems();
  expect(message).toContain('checks/delta/mutants/two.json: field "description"');
  expect(message).toContain('needs at least 3 mutants, found 2');
});

it('a mutant whose anchor does not match exactly once names the mutant, the file and the text', () => {
  exercise('delta', manifest('delta', { kind: 'write-tests' }));
  put('service/src/ports.ts', 'export {};\n// twice\n// twice\n');
  const mutant = (find: string) =>
    JSON.stringify({ description: 'wrong', edits: [{ file: 'src/ports.ts', find, replace: 'x' }] });
  put('checks/delta/mutants/gone.json', mutant('export const gone'));
  put('checks/delta/mutants/twice.json', mutant('// twice'));
  put('checks/delta/mutants/ok.json', mutant('export {};'));
  const message = problems();
  expect(message).toContain(
    'checks/delta/mutants/gone.json: edits[0].find matches 0 times in service/src/ports.ts (it must match exactly once; update the anchor to the service\'s current text): "export const gone"',
  );
  expect(message).toContain('checks/delta/mutants/twice.json: edits[0].find matches 2 times in service/src/ports.ts');
  expect(message).not.toContain('ok.json');
});

it('a mutant folder holding a file copy instead of edits is refused', () => {
  exercise('delta', manifest('delta', { kind: 'write-tests' }));
  put('checks/delta/mutants/copy/src/ports.ts', 'export const wrong = 1;');
  expect(problems()).toContain('checks/delta/mutants/copy: a mutant is one <name>.json of edits to service files');
});

it('an editable file without a stored solution falls back to the service file; a stored copy of it is refused', () => {
  exercise('alpha', manifest('alpha', { files: [{ path: 'src/ports.ts', editable: true }] }));
  put('exercises/alpha/src/ports.ts', '// start here');
  expect(loadExercise(root, 'alpha').solution).toEqual({ 'src/ports.ts': 'export {};' });
  put('solutions/alpha/src/ports.ts', 'export {};');
  expect(problems()).toContain('solutions/alpha/src/ports.ts: equals service/src/ports.ts; delete it');
});

it('loadExercise() explains an unknown id in one line, with the fix', () => {
  exercise('alpha');
  expect(loadExercise(root, 'alpha').manifest.id).toBe('alpha');
  expect(() => loadExercise(root, 'omega')).toThrow(
    /^Unknown exercise "omega": there is no folder exercises\/omega\. Run `workbook list` to see the exercise ids\.$/,
  );
});

it('loads exercises in ladder order: week, then order', () => {
  exercise('zeta', manifest('zeta', { week: 2, order: 1 }));
  exercise('beta', manifest('beta', { week: 1, order: 2 }));
  exercise('alpha', manifest('alpha', { week: 1, order: 1 }));
  expect(loadExercises(root).map((e) => e.manifest.id)).toEqual(['alpha', 'beta', 'zeta']);
});

it('names the value to add when "order" is missing', () => {
  exercise('alpha', manifest('alpha', { order: 1 }));
  exercise('beta', manifest('beta', { order: 2 }));
  const { order: _, ...withoutOrder } = manifest('gamma');
  exercise('gamma', withoutOrder);
  expect(problems()).toContain(
    'exercises/gamma/exercise.json: field "order" is missing: add "order": 3 (the next free place in week 1\'s ladder',
  );
  rmSync(join(root, 'exercises', 'alpha'), { recursive: true });
  expect(() => loadExercise(root, 'gamma')).toThrow(/field "order" is missing: add "order": <n>/);
});

it('refuses two exercises at the same place of a week, and gaps in the ladder, naming the files', () => {
  exercise('alpha', manifest('alpha', { order: 1 }));
  exercise('beta', manifest('beta', { order: 1 }));
  exercise('gamma', manifest('gamma', { order: 5 }));
  exercise('delta', manifest('delta', { week: 2, order: 1 }));
  const message = problems();
  expect(message).toContain(
    'exercises/beta/exercise.json: field "order" is 1, the same as exercises/alpha/exercise.json in week 1; give each exercise of a week its own place (1..3)',
  );
  expect(message).toContain(
    'week 1: field "order" must run 1..3 without gaps (the week has 3 exercises), but 2, 3 are unused while exercises/gamma/exercise.json has 5; renumber them',
  );
  expect(message).not.toContain('week 2');
});

it('a tdd exercise needs one editable spec, an editable implementation, hidden checks and three mutants', () => {
  exercise(
    'epsilon',
    manifest('epsilon', {
      kind: 'tdd',
      files: [
        { path: 'src/x.ts', editable: true },
        { path: 'src/ports.ts', editable: false },
      ],
    }),
  );
  const message = problems();
  expect(message).toContain(
    'exercises/epsilon/exercise.json: field "files" of a tdd exercise needs exactly one editable *.spec.ts',
  );
  expect(message).toContain('a tdd exercise needs at least 3 mutants, found 0');
});

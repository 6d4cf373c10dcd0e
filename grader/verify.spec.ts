// The integrity rules for tdd exercises, stage by stage (verify.ts): which submissions are graded in
// which stage and which must pass, on the fixture exercise clamp-first with wrong answers laid out
// in a temporary repository. The real grading of the catalog's tdd exercises is integrity.spec.ts.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadExercise } from '../src/catalog/load.ts';
import { variants } from './verify.ts';

const exercise = loadExercise(join(import.meta.dirname, 'fixtures', 'engine-root'), 'clamp-first');
const SPEC = 'src/clamp.spec.ts';
const IMPL = 'src/clamp.ts';
let root = '';

function put(path: string, text: string) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}
const fixture = JSON.stringify({ breaks: 'a rule', class: 'mutant-gap' });

afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('variants of a tdd exercise', () => {
  it('grades the solution, the starter and the alternative in both stages, each wrong answer in its own', () => {
    root = mkdtempSync(join(tmpdir(), 'wb-verify-'));
    put('grader/fixtures/alt-solutions/clamp-first/src/clamp.ts', '// alternative implementation\n');
    put('grader/fixtures/wrong-solutions/clamp-first/weak-spec/src/clamp.spec.ts', '// weak spec\n');
    put('grader/fixtures/wrong-solutions/clamp-first/weak-spec/fixture.json', fixture);
    put('grader/fixtures/wrong-solutions/clamp-first/lax-impl/src/clamp.ts', '// lax implementation\n');
    put('grader/fixtures/wrong-solutions/clamp-first/lax-impl/fixture.json', fixture);
    const list = variants(root, exercise);
    expect(list.map((v) => [v.label, v.stage, v.mustPass])).toEqual([
      ['solution (stage spec)', 'spec', true],
      ['starter spec', 'spec', false],
      ['solution (stage implementation)', 'implementation', true],
      ['starter implementation', 'implementation', false],
      ['alternative solution (stage spec)', 'spec', true],
      ['alternative solution (stage implementation)', 'implementation', true],
      ['wrong implementation "lax-impl"', 'implementation', false],
      ['wrong spec "weak-spec"', 'spec', false],
    ]);
    const files = (label: string) => list.find((v) => v.label === label)?.files ?? {};
    // The starter's empty spec in stage 1; the reference spec over the starter's code in stage 2.
    expect(files('starter spec')).toEqual({ [SPEC]: exercise.starter[SPEC], [IMPL]: exercise.solution[IMPL] });
    expect(files('starter implementation')).toEqual({
      [SPEC]: exercise.solution[SPEC],
      [IMPL]: exercise.starter[IMPL],
    });
    // A wrong answer replaces only what its folder holds; the rest is the reference.
    expect(files('wrong spec "weak-spec"')).toEqual({ [SPEC]: '// weak spec\n', [IMPL]: exercise.solution[IMPL] });
    expect(files('wrong implementation "lax-impl"')).toEqual({
      [SPEC]: exercise.solution[SPEC],
      [IMPL]: '// lax implementation\n',
    });
    expect(files('alternative solution (stage spec)')[IMPL]).toBe('// alternative implementation\n');
  });

  it('refuses a wrong answer that changes the spec and the implementation at once, naming the folder', () => {
    root = mkdtempSync(join(tmpdir(), 'wb-verify-'));
    put('grader/fixtures/wrong-solutions/clamp-first/both/src/clamp.spec.ts', '// spec\n');
    put('grader/fixtures/wrong-solutions/clamp-first/both/src/clamp.ts', '// impl\n');
    put('grader/fixtures/wrong-solutions/clamp-first/both/fixture.json', fixture);
    expect(() => variants(root, exercise)).toThrow(
      'grader/fixtures/wrong-solutions/clamp-first/both: a wrong answer to a tdd exercise holds either the spec alone (a wrong spec) or implementation files alone (a wrong implementation); it holds src/clamp.spec.ts, src/clamp.ts',
    );
  });
});

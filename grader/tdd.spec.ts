// Test-first exercises (kind "tdd") on the fixture repository: stage 1 grades the learner's spec
// against the reference implementation and every mutant, stage 2 grades the learner's
// implementation against their own spec and the hidden checks. Real runners, real Vitest.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReportSchema } from '../src/schemas/report.ts';
import { createGrader, type Grader } from './index.ts';

const root = join(import.meta.dirname, 'fixtures', 'engine-root');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const SPEC = 'src/clamp.spec.ts';
const IMPL = 'src/clamp.ts';
const referenceSpec = read(`solutions/clamp-first/${SPEC}`);
const referenceImpl = read(`solutions/clamp-first/${IMPL}`);
const starterImpl = read(`exercises/clamp-first/${IMPL}`);
const grade = (stage: 'spec' | 'implementation' | undefined, spec: string, impl: string) =>
  grader.grade({ exerciseId: 'clamp-first', files: { [SPEC]: spec, [IMPL]: impl }, ...(stage ? { stage } : {}) });
const statuses = (report: { checks: { name: string; status: string }[] }) =>
  report.checks.map((c) => [c.name, c.status]);

let grader: Grader;
beforeAll(async () => {
  grader = await createGrader({ root });
});
afterAll(() => grader.close());

describe('stage 1: the spec, before any implementation exists', () => {
  it('passes a spec that holds for the reference and kills every mutant; the learner code is not run yet', async () => {
    const report = checkReportSchema.parse(await grade(undefined, referenceSpec, starterImpl));
    expect(report.stage).toBe('spec');
    expect(report.status).toBe('passed');
    expect(statuses(report)).toEqual([
      ['your tests pass against the reference implementation', 'passed'],
      ['kills the mutant: min and max are applied the wrong way round', 'passed'],
      ['kills the mutant: values below min are returned unchanged', 'passed'],
      ['kills the mutant: values above max are returned unchanged', 'passed'],
    ]);
  });

  it('names the mutant a spec lets through', async () => {
    const spec = referenceSpec.replace(/ {2}it\('raises a value below min.*\n/, '');
    const report = await grade('spec', spec, starterImpl);
    expect(report.status).toBe('failed');
    const survivor = report.checks.find((c) => c.name === 'kills the mutant: values below min are returned unchanged');
    expect(survivor?.status).toBe('failed');
    expect(survivor?.message).toContain('Add a test that fails for it');
  });

  it("fails the starter's empty spec as unfinished work: it has no tests yet", async () => {
    const report = await grade('spec', read(`exercises/clamp-first/${SPEC}`), starterImpl);
    expect(report.status).toBe('failed');
    expect(report.message).toBe('Your spec has no tests yet. Add it() blocks that describe the behaviour.');
    expect(report.checks.slice(1).map((c) => c.status)).toEqual(['skipped', 'skipped', 'skipped']);
  });

  it('refuses a spec that fails against the reference, and runs no mutant', async () => {
    const report = await grade('spec', referenceSpec.replace('toBe(5)', 'toBe(6)'), starterImpl);
    expect(report.status).toBe('failed');
    expect(report.checks[0]).toMatchObject({ status: 'failed' });
    expect(report.checks[0]?.message).toContain('must pass against the correct implementation first');
    expect(report.checks.slice(1).map((c) => c.status)).toEqual(['skipped', 'skipped', 'skipped']);
  });
});

describe('stage 2: the implementation, against the learner spec and the hidden checks', () => {
  it('passes an implementation that satisfies both', async () => {
    const report = checkReportSchema.parse(await grade('implementation', referenceSpec, referenceImpl));
    expect(report.stage).toBe('implementation');
    expect(report.status).toBe('passed');
    expect(statuses(report)).toEqual([
      ['your implementation passes your own spec', 'passed'],
      ['clamp() keeps values inside the range and limits the others', 'passed'],
      ['clamp() refuses min above max with a RangeError', 'passed'],
    ]);
  });

  it('fails an implementation its own spec rejects, naming the failing test', async () => {
    const lax = referenceImpl.replace(/ {2}if \(min > max\).*\n/, '');
    const report = await grade('implementation', referenceSpec, lax);
    expect(report.status).toBe('failed');
    expect(report.checks[0]?.status).toBe('failed');
    expect(report.checks[0]?.message).toContain('refuses min above max');
    expect(report.checks.find((c) => c.name.startsWith('clamp() refuses'))?.status).toBe('failed');
  });

  it('fails when the hidden checks pass but the learner spec does not (both must hold)', async () => {
    const report = await grade('implementation', referenceSpec.replace('toBe(10)', 'toBe(11)'), referenceImpl);
    expect(report.status).toBe('failed');
    expect(statuses(report)).toEqual([
      ['your implementation passes your own spec', 'failed'],
      ['clamp() keeps values inside the range and limits the others', 'passed'],
      ['clamp() refuses min above max with a RangeError', 'passed'],
    ]);
  });
});

it('refuses a stage for an exercise that has none', async () => {
  await expect(
    grader.grade({ exerciseId: 'sum', files: { 'src/sum.ts': read('service/src/sum.ts') }, stage: 'spec' }),
  ).rejects.toThrow('"stage" applies only to tdd exercises');
});

// Red team: wrong answers that tried to earn a pass, through the real grader (one warm grader for
// the file). Each must not pass, and the honest answer graded right after it must still pass.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createGrader, type Grader } from '../index.ts';
import { honest, root } from './attacks.ts';
import { claimsEqualToAnything, LATENCY, sourceComparingSpec, TDD } from './red-team-attacks.ts';

let grader: Grader;
beforeAll(async () => {
  grader = await createGrader({ root, concurrency: 1 });
});
afterAll(() => grader?.close());
// A write-tests grade runs the spec about fifteen times (reference, its variant, every mutant).
vi.setConfig({ testTimeout: 240_000 });

const passed = (report: { checks: { name: string; status: string }[] }) => report.checks.filter((c) => c.status === 'passed').map((c) => c.name);

describe('red team: forged passes', () => {
  it('a result object that claims to equal anything (asymmetricMatch) passes no toEqual check', async () => {
    const report = await grader.grade({ exerciseId: LATENCY.id, files: { [LATENCY.file]: claimsEqualToAnything } });
    expect(report.status, report.message).not.toBe('passed');
    expect(passed(report), report.message).toEqual([]);
    const after = await grader.grade(honest({ id: LATENCY.id, file: LATENCY.file }));
    expect(after.status, after.message).toBe('passed');
  });

  it('a write-tests spec that compares the source text instead of testing behaviour does not pass', async () => {
    const report = await grader.grade({ exerciseId: TDD.id, files: { [TDD.spec]: sourceComparingSpec() } });
    expect(report.status, JSON.stringify(report.checks.map((c) => [c.name, c.status]))).not.toBe('passed');
    const after = await grader.grade(honest({ id: TDD.id, file: TDD.spec }));
    expect(after.status, after.message).toBe('passed');
  });
});

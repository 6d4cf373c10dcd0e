// Red team: wrong answers that tried to earn a pass, through the real grader (one warm grader for
// the file). Each must not pass, and the honest answer graded right after it must still pass.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createGrader, type Grader } from '../index.ts';
import { honest, root, solution } from './attacks.ts';
import {
  claimsEqualToAnything,
  IDEMPOTENCY,
  LATENCY,
  REJECTS_CHECK,
  rejectsWithAnyMessage,
  returnsExpectAnything,
  sourceComparingSpec,
  sourceReadingSpec,
  TDD,
} from './red-team-attacks.ts';

let grader: Grader;
beforeAll(async () => {
  grader = await createGrader({ root, concurrency: 1 });
});
afterAll(() => grader?.close());
// A write-tests grade runs the spec about fifteen times (reference, its variant, every mutant).
vi.setConfig({ testTimeout: 240_000 });

const passed = (report: { checks: { name: string; status: string }[] }) =>
  report.checks.filter((c) => c.status === 'passed').map((c) => c.name);

describe('red team: forged passes', () => {
  const anything = {
    'a Proxy that claims to be an asymmetric matcher': claimsEqualToAnything,
    "the grader's own expect.anything()": returnsExpectAnything,
  };
  for (const [how, code] of Object.entries(anything)) {
    it(`a result that claims to equal anything (${how}) passes no toEqual check`, async () => {
      expect(code.includes('new Proxy'), 'the attack is the one named').toBe(how.includes('Proxy'));
      const report = await grader.grade({ exerciseId: LATENCY.id, files: { [LATENCY.file]: code } });
      expect(report.status, report.message).not.toBe('passed');
      expect(passed(report), report.message).toEqual([]);
      const after = await grader.grade(honest({ id: LATENCY.id, file: LATENCY.file }));
      expect(
        after.status,
        `${after.message ?? ''} ${JSON.stringify(after.checks.filter((c) => c.status !== 'passed'))}`,
      ).toBe('passed');
    });
  }

  it('a rejection whose message claims to contain any text passes no toThrow check', async () => {
    const request = honest(IDEMPOTENCY);
    request.files[IDEMPOTENCY.file] = rejectsWithAnyMessage(solution(IDEMPOTENCY));
    const report = await grader.grade(request);
    const check = report.checks.find((c) => c.name === REJECTS_CHECK);
    expect(check?.status, report.message).toBe('failed');
    expect(check?.message).toMatch(/cannot be compared: its message is not a string/);
    const after = await grader.grade(honest(IDEMPOTENCY));
    expect(
      after.status,
      `${after.message ?? ''} ${JSON.stringify(after.checks.filter((c) => c.status !== 'passed'))}`,
    ).toBe('passed');
  });

  it('a write-tests spec cannot read the sources it tests: the file system refuses it (sealed worker)', async () => {
    const report = await grader.grade({ exerciseId: TDD.id, files: { [TDD.spec]: sourceReadingSpec() } });
    expect(report.status, JSON.stringify(report.checks.map((c) => [c.name, c.status]))).not.toBe('passed');
    expect(report.checks[0]?.status).toBe('failed');
    expect(`${report.checks[0]?.message ?? ''} ${(report.attempts ?? []).join(' ')}`).toMatch(
      /ERR_ACCESS_DENIED|permission|access denied/i,
    );
    const after = await grader.grade(honest({ id: TDD.id, file: TDD.spec }));
    expect(
      after.status,
      `${after.message ?? ''} ${JSON.stringify(after.checks.filter((c) => c.status !== 'passed'))}`,
    ).toBe('passed');
  });

  it('a write-tests spec that compares the source text instead of testing behaviour does not pass', async () => {
    const report = await grader.grade({ exerciseId: TDD.id, files: { [TDD.spec]: sourceComparingSpec() } });
    expect(report.status, JSON.stringify(report.checks.map((c) => [c.name, c.status]))).not.toBe('passed');
    const after = await grader.grade(honest({ id: TDD.id, file: TDD.spec }));
    expect(
      after.status,
      `${after.message ?? ''} ${JSON.stringify(after.checks.filter((c) => c.status !== 'passed'))}`,
    ).toBe('passed');
  });
});

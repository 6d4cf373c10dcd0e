// Red-team submissions: each is a wrong (or empty) answer that tried to earn a pass anyway. Kept
// apart from the spec so the attack code reads as what a learner would actually submit.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './attacks.ts';

const read = (path: string) => readFileSync(join(root, path), 'utf8');

export const LATENCY = { id: 'latency-percentiles', file: 'src/observability/latency-stats.ts' };

/**
 * A latency-stats module that computes nothing: every result is an object that claims to be an
 * asymmetric matcher (`expect.anything()`'s protocol), so `toEqual` asks it and it says "equal".
 */
export const claimsEqualToAnything = `
// Answers every question with a value that says it equals whatever it is compared with.
const anything: any = new Proxy({}, {
  get: (_target, key) => (key === 'asymmetricMatch' ? () => true : key === Symbol.toPrimitive ? () => 0 : anything),
  has: () => true,
});
export interface LatencySummary { count: number; min: number; max: number; mean: number; p50: number; p90: number; p95: number; p99: number }
export interface Bucket { le: number | null; count: number }
export function summarize(_samples: readonly number[]): LatencySummary { return anything; }
export function histogram(_samples: readonly number[], _bounds: readonly number[]): Bucket[] { return anything; }
export function checkSlo(_s: LatencySummary, _slo: { p95Ms: number; p99Ms: number }): { pass: boolean; violations: string[] } { return anything; }
`;

/** The same without a Proxy: the grader's own `expect.anything()`, reached through its global. */
export const returnsExpectAnything = claimsEqualToAnything.replace(
  /const anything: any = new Proxy[\s\S]*?\n\}\);/,
  "const anything: any = (globalThis as any)[Symbol.for('expect' + '-global')].anything();",
);

export const TDD = { id: 'tdd-assign-task', spec: 'src/application/commands/assign-task.handler.spec.ts' };
const TDD_SOURCES = ['src/application/commands/assign-task.handler.ts', 'src/domain/task/task.entity.ts'];

/**
 * A write-tests "spec" that tests no behaviour: it compares the code under test with the reference
 * text, so it passes on the reference and fails on every mutant (any change to those files).
 */
export function sourceComparingSpec(): string {
  const expected = TDD_SOURCES.map((path) => read(join('service', path)));
  return `
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
const expected: string[] = ${JSON.stringify(expected)};
it('the handler and the entity are the reference', () => {
  const actual = ${JSON.stringify(TDD_SOURCES)}.map((path) => readFileSync(new URL('../../../' + path, import.meta.url), 'utf8'));
  expect(actual).toEqual(expected);
});
`;
}

/**
 * A write-tests spec that only asks whether it can read the code under test: under the sealed
 * worker (write-tests runs) the file system refuses it, so the spec fails against the reference.
 */
export function sourceReadingSpec(): string {
  return `
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
it('can read the handler it tests', () => {
  expect(readFileSync(new URL('../../../${TDD_SOURCES[0]}', import.meta.url), 'utf8')).toContain('class');
});
`;
}

export const IDEMPOTENCY = { id: 'idempotency-key-store', file: 'src/api/idempotency.store.ts' };
export const REJECTS_CHECK = 'does not store a failure: the error propagates and a retry runs the handler again';

/**
 * The idempotency store's reference answer, except that a failing handler's error is replaced by
 * a value whose \`message\` contains every text (toThrow('…') asks message.indexOf): the handler's
 * error never propagates, yet rejects.toThrow('bank down') is satisfied.
 */
export function rejectsWithAnyMessage(solution: string): string {
  const fake = 'throw { message: { indexOf: () => 0, includes: () => true, toString: () => "" } };';
  const replaced = solution.replace(/(catch \(error\) \{[\s\S]*?)throw error;/, `$1${fake}`);
  if (replaced === solution) throw new Error('the attack no longer applies: the reference answer changed');
  return replaced;
}

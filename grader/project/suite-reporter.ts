// Vitest reporter for the acceptance suites (loaded by the suite's Vitest process): one line per
// finished check on stdout, marked so the grader can tell them from anything else printed there.
import type { Reporter, TestCase } from 'vitest/node';

/** Prefix of the reporter's lines; other stdout lines are ignored. */
export const SUITE_LINE = '@@workbook-check ';

export interface SuiteLine {
  name: string;
  state: 'passed' | 'failed' | 'skipped';
  message?: string;
  durationMs: number;
}

function line(testCase: TestCase): SuiteLine {
  const result = testCase.result();
  const durationMs = Math.round(testCase.diagnostic()?.duration ?? 0);
  if (result.state === 'passed') return { name: testCase.name, state: 'passed', durationMs };
  if (result.state !== 'failed') return { name: testCase.name, state: 'skipped', durationMs };
  // A hook that failed (beforeAll) fails every check of its file with the hook's error.
  const message = (result.errors ?? []).map((e) => e.message).join('\n') || 'This check failed without a message.';
  return { name: testCase.name, state: 'failed', message, durationMs };
}

export default class SuiteReporter implements Reporter {
  onTestCaseResult(testCase: TestCase): void {
    process.stdout.write(`${SUITE_LINE}${JSON.stringify(line(testCase))}\n`);
  }
}

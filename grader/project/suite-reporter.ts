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

/**
 * A check's message is cut at this many characters: many quote the service's answer, and a service
 * answering megabytes would otherwise put them in every report, progress file and page.
 */
const MAX_MESSAGE = 4_000;

const short = (message: string) =>
  message.length > MAX_MESSAGE
    ? `${message.slice(0, MAX_MESSAGE)}… (${message.length - MAX_MESSAGE} more characters)`
    : message;

function line(testCase: TestCase): SuiteLine {
  const result = testCase.result();
  const durationMs = Math.round(testCase.diagnostic()?.duration ?? 0);
  if (result.state === 'passed') return { name: testCase.name, state: 'passed', durationMs };
  if (result.state !== 'failed') {
    // A set-up hook (beforeAll) that failed leaves its checks unrun: each fails with the hook's error.
    const setup = hookErrors(testCase);
    if (setup)
      return {
        name: testCase.name,
        state: 'failed',
        message: short(`The set-up for this check failed: ${setup}`),
        durationMs,
      };
    return { name: testCase.name, state: 'skipped', durationMs };
  }
  const message = (result.errors ?? []).map((e) => e.message).join('\n') || 'This check failed without a message.';
  return { name: testCase.name, state: 'failed', message: short(message), durationMs };
}

/** Errors of the suites and file around a check (failed hooks), joined; undefined when none. */
function hookErrors(testCase: TestCase): string | undefined {
  const messages: string[] = [];
  for (
    let at: TestCase['parent'] | undefined = testCase.parent;
    at;
    at = at.type === 'module' ? undefined : at.parent
  ) {
    for (const error of at.errors()) messages.push(error.message);
  }
  return messages.length ? messages.join('\n') : undefined;
}

export default class SuiteReporter implements Reporter {
  onTestCaseResult(testCase: TestCase): void {
    process.stdout.write(`${SUITE_LINE}${JSON.stringify(line(testCase))}\n`);
  }
}

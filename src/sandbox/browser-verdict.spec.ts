import { describe, expect, it } from 'vitest';
import { compileVerdict, finishedVerdict, timeoutVerdict } from './browser-verdict.ts';

const check = (name: string, state: 'passed' | 'failed' | 'skipped', message = 'boom') => ({
  name,
  state,
  errors: state === 'failed' ? [{ message, expected: '1', actual: '2' }] : [],
  durationMs: 1,
});

describe('browser verdicts (the page decides, not the worker)', () => {
  it('passes only when exactly the declared checks all passed, in any order', () => {
    expect(finishedVerdict([check('b', 'passed'), check('a', 'passed')], [], ['a', 'b']).status).toBe('passed');
    const failed = finishedVerdict([check('a', 'passed'), check('b', 'failed')], [], ['a', 'b']);
    expect(failed.status).toBe('failed');
    expect(failed.checks[1]).toMatchObject({ status: 'failed', message: 'boom', expected: '1', received: '2' });
  });

  it('a run that reports fewer, more or renamed checks is an error, never a pass', () => {
    expect(finishedVerdict([check('a', 'passed')], [], ['a', 'b'])).toMatchObject({
      status: 'error',
      message: expect.stringContaining('missing: "b"'),
    });
    expect(
      finishedVerdict([check('a', 'passed'), check('b', 'passed'), check('c', 'passed')], [], ['a', 'b']),
    ).toMatchObject({ status: 'error', message: expect.stringContaining('unexpected: "c"') });
    expect(finishedVerdict([check('a', 'passed'), check('a', 'passed')], [], ['a', 'b']).status).toBe('error');
  });

  it('errors outside checks and compile problems are errors with checks not run', () => {
    const load = finishedVerdict([], [{ name: 'SyntaxError', message: 'Unexpected token' }], ['a']);
    expect(load).toMatchObject({ status: 'error', checks: [{ name: 'a', status: 'skipped' }] });
    expect(load.message).toMatch(/does not compile/);
    const types = compileVerdict(
      [
        {
          file: 'src/x.ts',
          line: 3,
          column: 5,
          message: "Type 'string' is not assignable to type 'number'.",
          code: 2322,
          syntax: false,
        },
      ],
      ['a'],
    );
    expect(types.message).toBe(
      "Your code has a type error:\nsrc/x.ts:3:5 Type 'string' is not assignable to type 'number'. (TS2322)\nFix them and run the checks again.",
    );
    expect(types.checks).toEqual([{ name: 'a', status: 'skipped', durationMs: 0 }]);
    expect(
      compileVerdict(
        [{ file: 'src/x.ts', line: 1, column: 1, message: "';' expected.", code: 1005, syntax: true }],
        ['a'],
      ).message,
    ).toMatch(/^Your code does not compile: src\/x\.ts:1:1/);
  });

  it('a timeout names the check that was running and skips the rest', () => {
    const v = timeoutVerdict([check('a', 'passed')], ['a', 'b', 'c'], 'b', 5000);
    expect(v.status).toBe('timeout');
    expect(v.checks.map((c) => c.status)).toEqual(['passed', 'timeout', 'skipped']);
    expect(v.message).toContain('stuck in "b"');
  });
});

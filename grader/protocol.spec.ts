import { describe, expect, it } from 'vitest';
import { type ChildMessage, parseChildMessage } from './protocol.ts';

const done: ChildMessage = {
  type: 'done',
  runId: 3,
  modules: [
    {
      file: '/w/checks.spec.ts',
      tests: [{ file: '/w/checks.spec.ts', name: 'adds', state: 'passed', durationMs: 2, errors: [] }],
      errors: [],
    },
  ],
  unhandled: [],
  typeErrors: [{ file: 'src/a.ts', line: 1, column: 2, code: 2322, message: 'no' }],
  timings: { dbResetMs: 0, vitestMs: 10, typecheckMs: 5 },
  witness: null,
};

describe('messages from a runner child', () => {
  it('are taken as they are when they follow the protocol', () => {
    expect(parseChildMessage(done)).toEqual({ ok: true, message: done });
    expect(parseChildMessage({ type: 'ready', startupMs: 120 })).toEqual({
      ok: true,
      message: { type: 'ready', startupMs: 120 },
    });
  });

  it('are rejected with the field that is wrong', () => {
    const forged = structuredClone(done) as { modules: { tests: { state: string }[] }[] };
    (forged.modules[0]?.tests[0] as { state: string }).state = 'verified';
    const result = parseChildMessage(forged);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(
      /^the grading process sent a "done" message with a wrong field: modules\.0\.tests\.0\.state: /,
    );

    const noTimings = parseChildMessage({ ...done, timings: undefined });
    expect(!noTimings.ok && noTimings.error).toMatch(/wrong field: timings: /);

    const stringRun = parseChildMessage({ type: 'case-start', runId: '3', file: 'a', name: 'b' });
    expect(!stringRun.ok && stringRun.error).toMatch(/"case-start" message with a wrong field: runId: /);
  });

  it('are rejected when they are no protocol message at all', () => {
    for (const message of [null, 'done', 42, {}, { type: 'verdict', passed: true }]) {
      const result = parseChildMessage(message);
      expect(result.ok, JSON.stringify(message)).toBe(false);
      expect(!result.ok && result.error).toMatch(
        /^the grading process sent a (message that is not one of the protocol|("verdict" )?message with a wrong field: type): /,
      );
    }
    const unknown = parseChildMessage({ type: 'verdict' });
    expect(!unknown.ok && unknown.error).toMatch(/"verdict" message with a wrong field: type: /);
  });
});

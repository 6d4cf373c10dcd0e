import { expect, it } from 'vitest';
import { describeError } from './messages.ts';
import { checkListMismatch, declaredTestNames, typeErrorMessage } from './report.ts';

const context = { workspace: '/tmp/ws-1', learnerFiles: new Set(['src/sum.ts']) };

it('announces check names from it() and test() calls with any quote style', () => {
  const source = `it('adds two numbers', () => {});\ntest("keeps \\"quotes\\"", () => {});\nit(\`backticks, don't\`, async () => {});\nit.concurrent('runs at once', () => {});`;
  expect(declaredTestNames(source)).toEqual(['adds two numbers', 'keeps "quotes"', "backticks, don't", 'runs at once']);
});

it('keeps only frames in the learner files, with workspace-relative paths and no colours', () => {
  const described = describeError(
    {
      name: 'AssertionError',
      message: '\u001b[31mexpected 1 to be 2\u001b[39m in /tmp/ws-1/src/sum.ts',
      expected: '2',
      actual: '1',
      frames: [
        { file: '/tmp/ws-1/src/sum.ts', line: 3, column: 10, method: 'sum' },
        { file: '/tmp/ws-1/__checks__/sum.check.ts', line: 8, column: 5, method: '' },
        { file: '/work/main/node_modules/vitest/dist/index.js', line: 1, column: 1, method: '' },
      ],
    },
    context,
  );
  expect(described).toEqual({
    message: 'expected 1 to be 2 in src/sum.ts\nat src/sum.ts:3:10',
    expected: '2',
    received: '1',
  });
});

it('lists type errors with file, line and code', () => {
  const message = typeErrorMessage([
    {
      file: 'src/sum.ts',
      line: 2,
      column: 3,
      code: 2322,
      message: "Type 'number' is not assignable to type 'string'.",
    },
  ]);
  expect(message).toContain("src/sum.ts:2:3 Type 'number' is not assignable to type 'string'. (TS2322)");
});

it('accepts exactly the declared checks, each once; a template name matches each loop iteration', () => {
  expect(checkListMismatch(['a', 'b'], ['a', 'b'])).toBeUndefined();
  expect(checkListMismatch(['b', 'a'], ['a', 'b']), 'order is Vitest’s').toBeUndefined();
  expect(checkListMismatch(['a', 'a', 'b'], ['a', 'b'])).toMatch(/twice: "a"/);
  expect(checkListMismatch(['a', 'b', 'forged'], ['a', 'b'])).toMatch(/not the exercise's checks.*"forged"/);
  expect(checkListMismatch(['a'], ['a', 'b'])).toMatch(/did not report: "b"/);
  // A check name declared in a template literal, as the announcement reads it from the source.
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the placeholder text is the input under test.
  const declared = ['${name}: caches (x)', 'plain'];
  expect(checkListMismatch(['in-memory: caches (x)', 'Redis: caches (x)', 'plain'], declared)).toBeUndefined();
  expect(checkListMismatch(['Redis: caches (y)', 'plain'], declared)).toMatch(/"Redis: caches \(y\)"/);
});

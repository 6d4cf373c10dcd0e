// Re-grades (someone else's code) run in a fresh sandbox each: what one report's code left in the
// process or its tmp is gone for the next. Without a sandbox, a re-grade is refused with the fix.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createGrader, type Grader } from '../index.ts';
import { detectIsolation } from '../sandbox/isolation.ts';
import { hostile, PURE, root } from './attacks.ts';

let grader: Grader;
beforeAll(async () => {
  const { isolation, reason } = detectIsolation();
  if (isolation !== 'bubblewrap') throw new Error(`re-grade tests need bubblewrap: ${reason}`);
  grader = await createGrader({ root, warmRegrade: true });
});
afterAll(() => grader?.close());

const regrade = (files: { exerciseId: string; files: Record<string, string> }) =>
  grader.grade({ ...files, purpose: 'regrade' });

it('each re-grade starts clean: a global or a tmp file left by the previous report is gone', async () => {
  const leave = `(globalThis as { __workbookPoison?: number }).__workbookPoison = 1; process.getBuiltinModule('node:fs').writeFileSync((process.env.TMPDIR ?? '/tmp') + '/poison', 'x');`;
  const look = `if ((globalThis as { __workbookPoison?: number }).__workbookPoison || process.getBuiltinModule('node:fs').existsSync((process.env.TMPDIR ?? '/tmp') + '/poison')) throw new Error('ATTACK: saw the previous report');`;
  const first = await regrade(hostile(PURE, leave));
  expect(first.status, first.message).toBe('passed');
  expect(first.isolation).toBe('bubblewrap');
  const second = await regrade(hostile(PURE, look));
  expect(second.status, second.message).toBe('passed');
  // On the warm (trusted) runner the tmp file does stay: this test would see a reused runner.
  await grader.grade(hostile(PURE, leave));
  const warm = await grader.grade(
    hostile(PURE, look.replace('(globalThis as { __workbookPoison?: number }).__workbookPoison || ', '')),
  );
  expect(warm.message).toMatch(/ATTACK: saw the previous report/);
});

it('re-grades are type-checked too (on a checker shared by fresh runners), and a fixed file is clean again', async () => {
  const broken = await regrade(hostile(PURE, `export const typo: number = 'not a number';`));
  expect(broken.status).toBe('error');
  expect(broken.message).toMatch(/type error/i);
  expect(broken.message).toMatch(/task\.entity\.ts/);
  const fixed = await regrade(hostile(PURE, `export const fine: number = 1;`));
  expect(fixed.status, fixed.message).toBe('passed');
});

it('a machine without a sandbox refuses re-grades and says how to get one', async () => {
  const weak = await createGrader({ root, isolation: 'permissions' });
  try {
    const report = await weak.grade({ ...hostile(PURE, ''), purpose: 'regrade' });
    expect(report.status).toBe('error');
    expect(report.isolation).toBe('permissions');
    expect(report.message).toMatch(/apt-get install bubblewrap/);
    expect(report.checks.every((c) => c.status === 'skipped')).toBe(true);
  } finally {
    await weak.close();
  }
});

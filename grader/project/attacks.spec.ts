// The capstone grader attacked the way a hostile intern would (issue 15: "Learner code is
// untrusted. It never decides a verdict, never reaches outside its workspace, and leaves nothing
// the next run could see"). Each test runs a real attack — a small plain-Node project under
// fixtures/attacks/ — through the real grader and fails if the attack works. PostgreSQL's guard
// and archives have their own suites (postgres-guard.spec.ts, archive.spec.ts).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from './check.ts';

const repo = join(import.meta.dirname, '..', '..');
const fixture = (name: string) => join(import.meta.dirname, 'fixtures', 'attacks', name);

describe('milestone 4: a verdict forged without forging the report', () => {
  // Both projects test one function of three (2 of 10 statements run). One comment or one config
  // option and Vitest's own report leaves the rest out: 2 of 2, or 0 of 0, reads as 100 %.
  it.each([
    ['m4-ignore-hints', /hides code from the coverage report: src\/prices\.ts line 6 \("\/\* v8 ignore start \*\/"\)/],
    ['m4-ignore-option', /hides code from the coverage report: vitest\.config\.ts line 5 /],
  ])('%s: code hidden from the coverage report fails the coverage checks', { timeout: 300_000 }, async (name, why) => {
    const report = await checkProject({ repo, dir: fixture(name), milestone: 'm4' });
    const [tests, statements, lines] = report.checks;
    // The run itself worked: the only thing between the project and a pass is what it hid.
    expect(tests?.status, JSON.stringify(report, null, 2)).toBe('passed');
    expect(statements?.message).toMatch(why);
    expect(lines?.message).toMatch(why);
    expect(report.status).toBe('failed');
  });
});

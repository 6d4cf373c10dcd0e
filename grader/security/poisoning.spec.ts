// Poisoning: a submission that leaves something behind for the runs after it (patched built-ins,
// timers, late rejections, rewritten checks, symlinks). The next honest runs on the same warm
// grader must be graded exactly as on a fresh one.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGrader, type Grader } from '../index.ts';
import { expectHonestAfter, hostile, root, solution, sum } from './tamper-attacks.ts';

let grader: Grader;
beforeAll(async () => {
  grader = await createGrader({ root, concurrency: 1, warmWorker: true });
  await grader.grade(sum(solution));
});
afterAll(() => grader.close());

const check = "import.meta.dirname + '/../__checks__/sum.check.ts'";
const fs = "process['getBuiltin' + 'Module']('fs')";
const outside = join(root, '..', '..', '..', '.workbook', 'poisoning-target.txt');

const attacks: Record<string, string> = {
  'prototype patches left for the next run (Array, Promise, Object.is)': `
Array.prototype.includes = () => true;
Promise.prototype.then = function (ok) { return ok?.(); };
Object.is = () => true;`,
  'a setInterval that patches Object.is during the next run': `
setInterval(() => { try { Object.is = () => true; } catch {} }, 1);`,
  'a rejection that lands after the run ended': `
setTimeout(() => Promise.reject(new Error('late rejection from an earlier run')), 40);`,
  'the hidden check rewritten so that it always passes': `
${fs}.writeFileSync(${check}, "import { it } from 'vitest';\\nit('sum() adds two positive numbers', () => {});\\nit('sum() adds negative numbers', () => {});\\n");`,
  'the hidden check replaced by a symlink to a file outside the workspace': `
const f = ${fs};
f.mkdirSync(${JSON.stringify(join(outside, '..'))}, { recursive: true });
f.writeFileSync(${JSON.stringify(outside)}, 'untouched');
f.rmSync(${check});
f.symlinkSync(${JSON.stringify(outside)}, ${check});`,
  'the warm-up spec a new worker runs first rewritten, then the worker left busy so that it is replaced': `
try { ${fs}.writeFileSync(import.meta.dirname + '/../.workbook-warm-up.check.ts', "Object.is = () => true; Array.prototype.includes = () => true;\nimport { it } from 'vitest';\nit('warms', () => {});\n"); } catch {}
setInterval(() => {}, 1000);`,
  'a planted node_modules/vitest next to the learner file': `
const f = ${fs};
const dir = import.meta.dirname + '/node_modules/vitest';
f.mkdirSync(dir, { recursive: true });
f.writeFileSync(dir + '/package.json', JSON.stringify({ name: 'vitest', type: 'module', main: 'index.js' }));
f.writeFileSync(dir + '/index.js', 'export const it = () => {}; export const expect = () => ({ toBe() {} });');`,
};

describe('poisoning the next runs', () => {
  for (const [name, prelude] of Object.entries(attacks)) {
    it(name, async () => {
      const report = await grader.grade(sum(hostile(prelude)));
      expect(report.status, JSON.stringify(report.checks)).not.toBe('passed');
      for (let round = 0; round < 2; round++) {
        const [failing, passing] = await expectHonestAfter(grader);
        expect(failing.status, failing.message).toBe('failed');
        expect(passing.status, passing.message).toBe('passed');
      }
    });
  }

  it('a file outside the workspace reached through a planted symlink is never written', () => {
    expect(existsSync(outside) ? readFileSync(outside, 'utf8') : 'untouched').toBe('untouched');
    rmSync(outside, { force: true });
  });
});

// Forgeries: learner code that tries to turn its failing run into a pass by reaching the test
// runner's internals from the same process. Each is graded by the real grader, then an honest
// wrong answer must fail and the solution pass on the same warm runner.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGrader, type Grader } from '../index.ts';
import { expectHonestAfter, hostile, root, solution, sum } from './tamper-attacks.ts';

let grader: Grader;
beforeAll(async () => {
  grader = await createGrader({ root, concurrency: 1 });
  await grader.grade(sum(solution));
});
afterAll(() => grader.close());

// The static scan refuses the plain spellings (see the last test); these hide every name it looks
// for, so they reach the worker and test the runtime defences (locks, witness, host checks).
const worker = "globalThis['__vi' + 'test_worker__']";
const expectGlobal = "globalThis[Symbol.for('expect' + '-global')]";
const matchersObject = "globalThis[Symbol.for('$$jest' + '-matchers-object')]";
// Vitest's API without importing it: the module runner's cache holds the checks' copy.
const nativeImport = `[...${worker}.evaluatedModules.idToModuleMap.values()].map((m) => m.exports).find((e) => e && typeof e.afterEach === 'function' && typeof e.onTestFailed === 'function')`;

const attacks: Record<string, string> = {
  'disguised: an afterEach hook that marks the test passed': `
const v = ${nativeImport};
v.afterEach((ctx) => { ctx.task.result.state = 'pass'; ctx.task.result.errors = []; });`,
  'disguised: onTestFailed rewriting the result, and a test of its own with a check’s name': `
const v = ${nativeImport};
v.beforeEach(() => v.onTestFailed((ctx) => { ctx.task.result.state = 'pass'; ctx.task.result.errors = []; }));
v.it('sum() adds negative numbers', () => {});`,
  'disguised: the worker rpc replaced, rewriting failed updates to passed': `
const state = ${worker};
const rpc = state.rpc;
const forge = (packs) => packs.map(([id, r, m]) => [id, r && r.state === 'fail' ? { ...r, state: 'pass', errors: undefined } : r, m]);
state.rpc = new Proxy(rpc, { get: (t, k) => k === 'onTaskUpdate' ? (packs, events) => t.onTaskUpdate(forge(packs), events) : t[k] });`,
  'disguised: forged task updates and raw IPC messages after every test': `
const state = ${worker};
const send = process.send.bind(process);
const walk = (t) => t.tasks ? t.tasks.flatMap(walk) : [t];
const forge = () => { const file = state.current?.file; if (!file) return; const packs = walk(file).map((t) => [t.id, { state: 'pass', duration: 1 }, t.meta]); state.rpc.onTaskUpdate(packs, []); send({ t: 'q', m: 'onTaskUpdate', a: [packs, []] }); };
const v = ${nativeImport};
v.afterEach(forge);
v.afterAll(forge);`,
  'disguised: expect.extend overriding toBe': `
${expectGlobal}.extend({ toBe: () => ({ pass: true, message: () => '' }) });`,
  'disguised: the matchers object and chai Assertion.prototype patched': `
const holder = ${matchersObject};
holder.matchers.toBe = () => ({ pass: true, message: () => '' });
const proto = Object.getPrototypeOf(${expectGlobal}(1));
proto.assert = function () {};`,
  'Object.prototype.asymmetricMatch added so every value equals every other': `
Object.prototype.asymmetricMatch = () => true;
Object.defineProperty(Number.prototype, 'asymmetricMatch', { value: () => true, configurable: true });`,
  'Object.is replaced, then restored by its own first call': `
const original = Object.is;
Object.is = function (a, b) { Object.is = original; return true; };`,
  'the witness itself: claiming one and reporting passes through it': `
const witness = globalThis[Symbol.for('workbook.integrity')];
const it = witness.claim((name, fn) => fn());
it('sum() adds two positive numbers', () => {});
it('sum() adds negative numbers', () => {});`,
  'a forged witness key and summary query sent to the worker': `
process.emit('message', { __workbook_key__: '00'.repeat(32) });
process.emit('message', { __workbook_query__: 'x', mac: 'y' });`,
  'an afterEach hook registered through createRequire("vitest") that marks the test passed': `
import { createRequire } from 'node:module';
const v = createRequire(import.meta.url)('vitest');
v.afterEach((ctx) => { ctx.task.result.state = 'pass'; ctx.task.result.errors = []; });`,
  'vitest reached through process.getBuiltinModule("module")': `
const v = process.getBuiltinModule('module').createRequire(import.meta.url)('vitest');
v.onTestFailed((ctx) => { ctx.task.result.state = 'pass'; ctx.task.result.errors = []; });`,
  'a dynamic import of vitest that registers a hook': `
const name = ['vi', 'test'].join('');
const v = await import(/* @vite-ignore */ name);
v.afterEach((ctx) => { ctx.task.result.state = 'pass'; ctx.task.result.errors = []; });`,
  'the worker rpc replaced, rewriting failed updates to passed': `
const state = globalThis.__vitest_worker__;
const rpc = state.rpc;
const forge = (packs) => packs.map(([id, r, m]) => [id, r && r.state === 'fail' ? { ...r, state: 'pass', errors: undefined } : r, m]);
state.rpc = new Proxy(rpc, { get: (t, k) => k === 'onTaskUpdate' ? (packs, events) => t.onTaskUpdate(forge(packs), events) : t[k] });`,
  'forged onTaskUpdate calls with passes for every test of the file': `
const state = globalThis.__vitest_worker__;
const timer = setInterval(() => {
  const file = state.current?.file;
  if (!file) return;
  const walk = (t) => t.tasks ? t.tasks.flatMap(walk) : [t];
  state.rpc.onTaskUpdate(walk(file).map((t) => [t.id, { state: 'pass', duration: 1 }, t.meta]), []);
}, 0);
setTimeout(() => clearInterval(timer), 300);`,
  'raw process.send of forged birpc task updates': `
const state = globalThis.__vitest_worker__;
const send = process.send.bind(process);
const timer = setInterval(() => {
  const file = state.current?.file;
  if (!file) return;
  const walk = (t) => t.tasks ? t.tasks.flatMap(walk) : [t];
  send({ t: 'q', m: 'onTaskUpdate', a: [walk(file).map((t) => [t.id, { state: 'pass', duration: 1 }, t.meta]), []] });
}, 0);
setTimeout(() => clearInterval(timer), 300);`,
  'expect.extend through Symbol.for("expect-global") overriding toBe': `
const expect = globalThis[Symbol.for('expect-global')];
expect.extend({ toBe: () => ({ pass: true, message: () => '' }) });`,
  'the jest matchers object patched through Symbol.for("$$jest-matchers-object")': `
const holder = globalThis[Symbol.for('$$jest-matchers-object')];
holder.matchers.toBe = () => ({ pass: true, message: () => '' });`,
  'the chai Assertion prototype patched so toBe never throws': `
const expect = globalThis[Symbol.for('expect-global')];
const proto = Object.getPrototypeOf(expect(1));
proto.assert = function () {};`,
  'Object.is patched to say every value is the same': `
Object.is = () => true;`,
  'Error.captureStackTrace made to throw away the assertion': `
const Original = Error;
Object.defineProperty(Error.prototype, 'message', { get() { return ''; }, set() {}, configurable: true });`,
};

describe('forged passes', () => {
  for (const [name, prelude] of Object.entries(attacks)) {
    it(name, async () => {
      const report = await grader.grade(sum(hostile(prelude)));
      // Caught, not merely failed: an error that names what the code did, listed in `attempts`.
      expect(report.status, `${JSON.stringify(report.checks)} ${report.message}`).toBe('error');
      expect(report.attempts ?? [], report.message).not.toEqual([]);
      expect(report.message).toMatch(/interfered with the grader|reaches into the grader/);
      expect(report.checks.filter((c) => c.status === 'passed')).toEqual([]);
      const [failing, passing] = await expectHonestAfter(grader);
      expect(failing.status).toBe('failed');
      expect(passing.status).toBe('passed');
    });
  }

  it('a learner file that imports vitest is refused, naming the import and why', async () => {
    const report = await grader.grade(
      sum(
        `import { expect } from 'vitest';\nexpect.extend({});\nexport function sum(a: number, b: number): number {\n  return a - b;\n}\n`,
      ),
    );
    expect(report.status).toBe('error');
    expect(report.message).toMatch(/src\/sum\.ts.*"vitest"/);
    expect(report.message).toMatch(/grader/i);
  });
});

// Milestone 4's arithmetic and its defences against a report that does not match the project:
// the file rule, the host's own percentages, missing and mismatched entries, schema errors.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { IstanbulFile } from '../../src/schemas/project-coverage.ts';
import { startupProblem } from '../sandbox/pg-bridge.ts';
import {
  countedSources,
  isTypeOnly,
  measureCoverage,
  percent,
  readCoverageReport,
  readTestResults,
} from './coverage.ts';
import { projectVitest, vitestArgs } from './coverage-run.ts';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const repo = join(import.meta.dirname, '..', '..');

function project(files: Record<string, string>, under = tmpdir()): string {
  mkdirSync(under, { recursive: true });
  const dir = mkdtempSync(join(under, 'workbook-m4-spec-'));
  made.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** An entry with one statement per line 1..n, `ran` of them run; one branch of two arms, one taken. */
function entry(path: string, n: number, ran: number): IstanbulFile {
  const statementMap: IstanbulFile['statementMap'] = {};
  const s: IstanbulFile['s'] = {};
  for (let i = 0; i < n; i++) {
    statementMap[String(i)] = { start: { line: i + 1, column: 0 }, end: { line: i + 1, column: 5 } };
    s[String(i)] = i < ran ? 2 : 0;
  }
  return { path, statementMap, s, branchMap: { '0': { locations: [] } }, b: { '0': [1, 0] } };
}

const lines = (n: number) => Array.from({ length: n }, (_, i) => `export const v${i} = ${i};`).join('\n');

describe('what counts as the intern’s code', () => {
  it('every src/**/*.ts except tests, declarations, main.ts, generated code and type-only files', () => {
    const dir = project({
      'src/app.ts': 'export const app = 1;',
      'src/domain/task.ts': 'export class Task { title = ""; }',
      'src/domain/task.spec.ts': 'it("x", () => {});',
      'src/domain/task.test.ts': 'it("x", () => {});',
      'src/domain/port.ts': 'export interface Port { get(id: string): Promise<string> }\nexport type Id = string;',
      'src/types.d.ts': 'declare const x: number;',
      'src/main.ts': 'console.log(1);',
      'src/generated/prisma/client.ts': 'export const client = {};',
      'test/e2e.spec.ts': 'it("x", () => {});',
      'src/readme.md': '# no',
    });
    expect(countedSources(dir)).toEqual({
      counted: ['src/app.ts', 'src/domain/task.ts'],
      typeOnly: ['src/domain/port.ts'],
    });
  });

  it('a decorated class or a file of imports and re-exports is code; a type-only import is not', () => {
    expect(isTypeOnly('@Injectable()\nexport class A { constructor(@Inject(X) readonly x: X) {} }')).toBe(false);
    expect(isTypeOnly("export { a } from './a.ts';")).toBe(false);
    expect(isTypeOnly("import type { A } from './a.ts';\nexport type B = A[];")).toBe(true);
    expect(isTypeOnly('export enum Status { TODO = "TODO" }')).toBe(false);
  });
});

describe('the host measures coverage itself', () => {
  it('recomputes statements, lines and branches from per-statement counts', () => {
    const dir = project({ 'src/a.ts': lines(10), 'src/b.ts': lines(10) });
    const report = { x: entry(join(dir, 'src/a.ts'), 10, 10), y: entry(join(dir, 'src/b.ts'), 10, 6) };
    const measure = measureCoverage(dir, ['src/a.ts', 'src/b.ts'], report);
    expect(measure.missing).toEqual([]);
    expect(measure.mismatched).toEqual([]);
    expect(measure.totals.statements).toEqual({ covered: 16, total: 20 });
    expect(measure.totals.lines).toEqual({ covered: 16, total: 20 });
    expect(measure.totals.branches).toEqual({ covered: 2, total: 4 });
    expect(percent(measure.totals.statements)).toBe(80);
  });

  it('rounds down, so 84.99 % is not 85 %', () => {
    expect(percent({ covered: 8499, total: 10000 })).toBe(84.9);
    expect(percent({ covered: 0, total: 0 })).toBe(100);
  });

  it('a counted file the report lacks is missing (never skipped), whatever else the report holds', () => {
    const dir = project({ 'src/a.ts': lines(3), 'src/b.ts': lines(3) });
    const report = { a: entry(join(dir, 'src/a.ts'), 3, 3), other: entry('/elsewhere/src/c.ts', 3, 3) };
    const measure = measureCoverage(dir, ['src/a.ts', 'src/b.ts'], report);
    expect(measure.missing).toEqual(['src/b.ts']);
    expect(measure.totals.statements).toEqual({ covered: 3, total: 3 });
  });

  it('an entry that cannot describe the real file is refused: statements past its end, counts without statements', () => {
    const dir = project({ 'src/a.ts': lines(3), 'src/b.ts': lines(3) });
    const padded = entry(join(dir, 'src/a.ts'), 50, 50);
    const extra = entry(join(dir, 'src/b.ts'), 3, 3);
    extra.s['99'] = 1;
    const measure = measureCoverage(dir, ['src/a.ts', 'src/b.ts'], { a: padded, b: extra });
    expect(measure.mismatched).toEqual([
      'src/a.ts (it has a statement at line 4–4 of a 3-line file)',
      'src/b.ts (its run counts do not match its statements)',
    ]);
  });

  it('a report or results file that is missing or malformed fails with what is wrong', () => {
    const dir = project({ 'bad.json': '{"a": {"path": "/x", "s": {}}}', 'broken.json': '{' });
    expect(() => readCoverageReport(join(dir, 'none.json'))).toThrow('The coverage report was not written');
    expect(() => readCoverageReport(join(dir, 'broken.json'))).toThrow(/The coverage report is not valid JSON/);
    expect(() => readCoverageReport(join(dir, 'bad.json'))).toThrow(
      /does not have the expected shape: a\.statementMap/,
    );
    expect(() => readTestResults(join(dir, 'bad.json'))).toThrow(
      /The test results file does not have the expected shape/,
    );
  });
});

describe('the run the grader starts', () => {
  it("overrides what is measured and where it goes, whatever the intern's config says", () => {
    const args = vitestArgs('/run/scratch');
    const valuesOf = (flag: string) => args.filter((_, i) => args[i - 1] === flag);
    expect(valuesOf('--coverage.reportsDirectory')).toEqual(['/run/scratch/coverage']);
    expect(valuesOf('--coverage.reporter')).toEqual(['json']);
    expect(valuesOf('--coverage.include')).toEqual(['src/**/*.ts']);
    expect(valuesOf('--coverage.exclude')).toContain('src/generated/**');
    expect(valuesOf('--coverage.thresholds.statements')).toEqual(['0']);
    expect(valuesOf('--outputFile.json')).toEqual(['/run/scratch/results.json']);
    expect(valuesOf('--configLoader')).toEqual(['runner']);
    expect(valuesOf('--testTimeout')).toEqual(['120000']);
    expect(valuesOf('--hookTimeout')).toEqual(['180000']);
  });

  it("the intern's config cannot narrow what is measured or fail the run with its own thresholds", () => {
    // Under the repository, so the fixture's config resolves the workbook's Vitest.
    const dir = project(
      {
        'package.json': '{ "name": "narrow", "type": "module" }',
        'vitest.config.ts': `import { defineConfig } from 'vitest/config';
export default defineConfig({ test: { include: ['src/**/*.spec.ts'], coverage: {
  include: ['src/a.ts'], exclude: ['src/b.ts'], thresholds: { lines: 100, perFile: true }, reportsDirectory: 'mine' } } });`,
        'src/a.ts': 'export const a = (x: number) => (x > 0 ? 1 : 2);',
        'src/b.ts': 'export const b = (x: number) => (x > 0 ? 1 : 2);',
        'src/a.spec.ts':
          "import { expect, it } from 'vitest';\nimport { a } from './a.ts';\nit('a', () => expect(a(1)).toBe(1));",
      },
      join(repo, '.workbook'),
    );
    const scratch = join(dir, 'scratch');
    const vitest = projectVitest(dir) as string;
    const run = spawnSync(process.execPath, [vitest, ...vitestArgs(scratch)], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, CI: '1', NO_COLOR: '1' },
    });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const measure = measureCoverage(
      dir,
      countedSources(dir).counted,
      readCoverageReport(join(scratch, 'coverage', 'coverage-final.json')),
    );
    expect(measure.missing).toEqual([]);
    expect(measure.files.map((f) => [f.path, percent(f.statements)])).toEqual([
      ['src/a.ts', 100],
      ['src/b.ts', 0],
    ]);
    expect(readTestResults(join(scratch, 'results.json')).numTotalTests).toBe(1);
  });

  it("finds the project's Vitest in its node_modules or above it", () => {
    const dir = project({ 'node_modules/vitest/vitest.mjs': '', 'svc/package.json': '{}' });
    expect(projectVitest(join(dir, 'svc'))).toBe(join(dir, 'node_modules/vitest/vitest.mjs'));
  });
});

describe("the run's PostgreSQL guard", () => {
  it("lets milestone 4's role reach the databases it creates (<database>_…) and no others", () => {
    const run = { role: 'wb_r', database: 'wb_r', databasePrefix: 'wb_r_' };
    const params = (database: string) =>
      new Map([
        ['user', 'wb_r'],
        ['database', database],
      ]);
    expect(startupProblem(params('wb_r'), run)).toBeUndefined();
    expect(startupProblem(params('wb_r_tasks_1a2b3c4d'), run)).toBeUndefined();
    expect(startupProblem(params('wb_rx'), run)).toMatch(/only to database "wb_r" .*or one it created named wb_r_…/);
    expect(startupProblem(params('postgres'), run)).toMatch(/not "postgres"/);
    expect(startupProblem(params('wb_r_tasks'), { role: 'wb_r', database: 'wb_r' })).toMatch(/only to database/);
  });
});

// Milestone 4's verdict data: which of the intern's files count, and their coverage, computed by
// the host from the per-statement report their test run wrote (never from a summary file or from
// what the run printed). docs/capstone.md, "Milestone 4", states the same rule in words.
//
// Threat: the report is written inside the sandbox, by the same processes that run the intern's
// tests, so a test suite written to forge it could. The host therefore trusts only what it can
// check: the file list comes from the project's src/ tree (read-only to the run), a counted file
// the report lacks fails the milestone, every statement must lie inside the real file, and totals
// are recomputed from per-statement counts. What stays open — a deliberately fabricated
// per-statement report, or tests that run code without asserting anything — is stated there too.
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { transformSync } from 'esbuild';
import type { z } from 'zod';
import {
  type IstanbulFile,
  type IstanbulReport,
  istanbulReportSchema,
  type VitestResults,
  vitestResultsSchema,
} from '../../src/schemas/project-coverage.ts';

/** The contract's bar, in percent, for statements and for lines. */
export const COVERAGE_GOAL = 85;

/** Vitest globs (relative to the project) for what the grader measures and what it leaves out. */
export const COVERAGE_INCLUDE = 'src/**/*.ts';
export const COVERAGE_EXCLUDE = [
  'src/**/*.spec.ts',
  'src/**/*.test.ts',
  'src/**/*.d.ts',
  'src/main.ts',
  'src/generated/**',
];

/** Why a src/ file is left out (same order as COVERAGE_EXCLUDE), or undefined when it counts. */
function excludedBecause(path: string): string | undefined {
  if (/\.(spec|test)\.ts$/.test(path)) return 'a test';
  if (path.endsWith('.d.ts')) return 'declarations only';
  if (path === 'src/main.ts') return 'the entry point';
  if (path.startsWith('src/generated/')) return 'generated';
  return undefined;
}

/** True when the file compiles to no JavaScript at all (interfaces, types, type-only imports). */
export function isTypeOnly(source: string): boolean {
  try {
    const { code } = transformSync(source, {
      loader: 'ts',
      format: 'esm',
      tsconfigRaw: { compilerOptions: { experimentalDecorators: true, verbatimModuleSyntax: false } },
    });
    return code.replace(/export\s*\{\s*\};?/g, '').trim() === '';
  } catch {
    // It does not even compile: it certainly is not type-only, and the tests will say why.
    return false;
  }
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(path);
    return entry.isFile() && entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The project's files that count (relative paths with `/`), sorted; type-only files are listed apart. */
export function countedSources(dir: string): { counted: string[]; typeOnly: string[] } {
  const counted: string[] = [];
  const typeOnly: string[] = [];
  for (const file of walk(join(dir, 'src')).sort()) {
    const path = relative(dir, file).split(sep).join('/');
    if (excludedBecause(path)) continue;
    (isTypeOnly(readFileSync(file, 'utf8')) ? typeOnly : counted).push(path);
  }
  return { counted, typeOnly };
}

/**
 * Comments that make Vitest's v8 provider leave code out of the report (the words its remapper,
 * ast-v8-to-istanbul, looks for), and the coverage options that do the same from a config.
 */
const IGNORE_HINT = /\b(?:istanbul|[cv]8|node:coverage)\s+ignore\b/;
const IGNORE_OPTION = /\b(?:ignoreNode|ignoreClassMethods)\b/;
/** Config files Vitest loads from the project's folder. */
const CONFIG_FILE = /^(?:vitest|vite)\.(?:config|workspace)\.[cm]?[jt]s$/;

/**
 * Where the project hides code from the coverage report (one hint comment, one config option, and
 * the hidden statements are simply not in it: fewer statements, a higher figure), as
 * `path line N ("text")`; empty when nowhere. A clear first line against a cheap forgery, not the
 * last: a suite written on purpose to fabricate the report stays the documented limit.
 */
export function hiddenFromCoverage(dir: string, counted: string[]): string[] {
  const configs = existsSync(dir) ? readdirSync(dir).filter((name) => CONFIG_FILE.test(name)) : [];
  const found: string[] = [];
  for (const [path, pattern] of [
    ...counted.map((path) => [path, IGNORE_HINT] as const),
    ...configs.sort().map((path) => [path, IGNORE_OPTION] as const),
  ]) {
    readFileSync(join(dir, path), 'utf8')
      .split('\n')
      .forEach((text, index) => {
        if (pattern.test(text)) found.push(`${path} line ${index + 1} ("${text.trim().slice(0, 80)}")`);
      });
  }
  return found;
}

export interface Ratio {
  covered: number;
  total: number;
}

export interface FileMeasure {
  path: string;
  statements: Ratio;
  lines: Ratio;
  branches: Ratio;
}

export interface CoverageMeasure {
  files: FileMeasure[];
  totals: { statements: Ratio; lines: Ratio; branches: Ratio };
  /** Counted files the report does not have (each fails the milestone: counted as 0 %). */
  missing: string[];
  /** Entries that cannot describe the file they name (statements past its end, counts without statements). */
  mismatched: string[];
}

const ratio = (covered: number, total: number): Ratio => ({ covered, total });
const add = (a: Ratio, b: Ratio): Ratio => ratio(a.covered + b.covered, a.total + b.total);

/** Percent with one decimal; an empty total is 100 % (nothing to run). */
export const percent = (r: Ratio): number => (r.total === 0 ? 100 : Math.floor((r.covered / r.total) * 1000) / 10);

function measureFile(path: string, entry: IstanbulFile): FileMeasure {
  const ids = Object.keys(entry.statementMap);
  const statements = ratio(ids.filter((id) => (entry.s[id] ?? 0) > 0).length, ids.length);
  // Istanbul's line coverage: a line is the start line of a statement, covered if any such statement ran.
  const lineHits = new Map<number, number>();
  for (const id of ids) {
    const line = entry.statementMap[id]?.start.line ?? 0;
    lineHits.set(line, Math.max(lineHits.get(line) ?? 0, entry.s[id] ?? 0));
  }
  const lines = ratio([...lineHits.values()].filter((n) => n > 0).length, lineHits.size);
  const arms = Object.values(entry.b).flat();
  const branches = ratio(arms.filter((n) => n > 0).length, arms.length);
  return { path, statements, lines, branches };
}

/** Why an entry cannot be the coverage of `source`, or undefined when it can. */
function mismatch(entry: IstanbulFile, source: string): string | undefined {
  const lineCount = source.split('\n').length;
  const statementIds = new Set(Object.keys(entry.statementMap));
  const counted = Object.keys(entry.s);
  if (counted.length !== statementIds.size || counted.some((id) => !statementIds.has(id)))
    return 'its run counts do not match its statements';
  const past = Object.values(entry.statementMap).find((r) => r.start.line < 1 || r.end.line > lineCount);
  if (past) return `it has a statement at line ${past.start.line}–${past.end.line} of a ${lineCount}-line file`;
  if (Object.keys(entry.branchMap).some((id) => !(id in entry.b))) return 'its branch counts do not match its branches';
  return undefined;
}

/** Measures the counted files of `dir` from a parsed coverage-final.json (keys are absolute paths). */
export function measureCoverage(dir: string, counted: string[], report: IstanbulReport): CoverageMeasure {
  const byPath = new Map(Object.values(report).map((entry) => [entry.path, entry]));
  const files: FileMeasure[] = [];
  const missing: string[] = [];
  const mismatched: string[] = [];
  for (const path of counted) {
    const entry = byPath.get(join(dir, path));
    if (!entry) {
      missing.push(path);
      continue;
    }
    const wrong = mismatch(entry, readFileSync(join(dir, path), 'utf8'));
    if (wrong) mismatched.push(`${path} (${wrong})`);
    else files.push(measureFile(path, entry));
  }
  const zero = ratio(0, 0);
  const totals = files.reduce(
    (sum, f) => ({
      statements: add(sum.statements, f.statements),
      lines: add(sum.lines, f.lines),
      branches: add(sum.branches, f.branches),
    }),
    { statements: zero, lines: zero, branches: zero },
  );
  return { files, totals, missing, mismatched };
}

/**
 * Why `file`, in a folder the run could write (`within`), is not a plain file reached without a
 * link, or undefined. The run ended before the host reads, but what it left there is its own: a
 * link to a host file (or a FIFO) would have the host read that file for it, into the report.
 */
function notPlain(file: string, within: string): string | undefined {
  const parts = relative(within, file).split(sep);
  let at = within;
  for (const [index, part] of parts.entries()) {
    at = join(at, part);
    const stat = lstatSync(at, { throwIfNoEntry: false });
    if (!stat) return undefined;
    const last = index === parts.length - 1;
    if (stat.isSymbolicLink()) return last ? 'is a link, not a file' : `is under a link (${part})`;
    if (last && !stat.isFile()) return 'is not a plain file';
  }
  return undefined;
}

/** Reads and validates a JSON file the run wrote; the error names the file and the field. */
function readJson<T>(file: string, within: string, what: string, parse: (data: unknown) => T): T {
  const wrong = notPlain(file, within);
  if (wrong) throw new Error(`${what} ${wrong} (${file}): the grader reads only files your run wrote itself`);
  if (!existsSync(file)) throw new Error(`${what} was not written`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${what} is not valid JSON (${file}): ${(error as Error).message}`);
  }
  return parse(data);
}

function schemaParser<T>(schema: z.ZodType<T>, what: string) {
  return (data: unknown): T => {
    const parsed = schema.safeParse(data);
    if (parsed.success) return parsed.data;
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.map(String).join('.') || '(top)'} ${i.message}`);
    throw new Error(`${what} does not have the expected shape: ${issues.join('; ')}`);
  };
}

/** `within`: the folder the run could write, checked for links down to the file (default: the file's own folder). */
export const readCoverageReport = (file: string, within = dirname(file)): IstanbulReport =>
  readJson(file, within, 'The coverage report', schemaParser(istanbulReportSchema, 'The coverage report'));

export const readTestResults = (file: string, within = dirname(file)): VitestResults =>
  readJson(file, within, 'The test results file', schemaParser(vitestResultsSchema, 'The test results file'));

// Each exercise's rule → check map (checks/<id>/rules.md): the rules its instructions state, the
// checks that fail when only that rule is broken, and the wrong submissions that prove it. Parsed
// here so the integrity suite can hold the map to the checks and fixtures that really exist.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { LoadedExercise } from '../src/catalog/load.ts';
import { expectedChecks } from './grade-run.ts';

export const RULES_FILE = 'rules.md';

export interface RuleRow {
  /** 1-based line in rules.md, for messages. */
  line: number;
  rule: string;
  checks: string[];
  wrong: string[];
}

/** Parses the table rows of a rules.md; throws naming the file and line of a malformed row. */
export function parseRulesMap(text: string, file: string): RuleRow[] {
  const rows: RuleRow[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!line.startsWith('|') || /^\|\s*#\s*\|/.test(line) || /^\|[\s|:-]+\|$/.test(line)) return;
    const cells = splitRow(line);
    if (cells.length !== 4)
      throw new Error(
        `${file}:${index + 1}: a row needs 4 cells (# | rule | checks | wrong submissions), found ${cells.length}`,
      );
    const [, rule = '', checkCell = '', wrongCell = ''] = cells;
    const checks = [...checkCell.matchAll(/"((?:\\"|[^"])*)"/g)].map((m) => (m[1] ?? '').replace(/\\"/g, '"'));
    if (rule === '') throw new Error(`${file}:${index + 1}: the rule cell is empty`);
    if (checks.length === 0)
      throw new Error(`${file}:${index + 1}: name at least one check in double quotes for "${rule}"`);
    const wrong = /^(?:—|-|)$/.test(wrongCell)
      ? []
      : wrongCell
          .split(',')
          .map((w) => w.trim().replace(/^`|`$/g, ''))
          .filter(Boolean);
    rows.push({ line: index + 1, rule, checks, wrong });
  });
  return rows;
}

/** Splits "| a | b \| c | d |" into cells, honouring escaped pipes. */
function splitRow(line: string): string[] {
  const inner = line.replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

/** Problems with an exercise's rules.md: unknown or unmapped check names, unknown or unmapped wrong submissions. */
export function rulesMapProblems(root: string, exercise: LoadedExercise): string[] {
  const { id } = exercise.manifest;
  const file = join(root, 'checks', id, RULES_FILE);
  const where = relative(root, file);
  if (!existsSync(file)) return [`${where}: missing; map each rule of instructions.md to the checks that catch it`];
  let rows: RuleRow[];
  try {
    rows = parseRulesMap(readFileSync(file, 'utf8'), where);
  } catch (error) {
    return [(error as Error).message];
  }
  if (rows.length === 0) return [`${where}: has no rule rows`];
  // write-tests and tdd: each stage's first check (the learner's spec passes against the reference;
  // the implementation passes the learner's own spec) is a precondition, not a rule.
  const stages =
    exercise.manifest.kind === 'tdd'
      ? [expectedChecks(exercise, 'spec').slice(1), expectedChecks(exercise, 'implementation').slice(1)]
      : [exercise.manifest.kind === 'write-tests' ? expectedChecks(exercise).slice(1) : expectedChecks(exercise)];
  const mustMap = stages.flat();
  const declared = new Set([
    ...expectedChecks(exercise),
    ...(exercise.manifest.kind === 'tdd' ? expectedChecks(exercise, 'implementation') : []),
  ]);
  const wrongDir = join(root, 'grader', 'fixtures', 'wrong-solutions', id);
  const cases = existsSync(wrongDir)
    ? readdirSync(wrongDir).filter((name) => statSync(join(wrongDir, name)).isDirectory())
    : [];
  const problems: string[] = [];
  const mapped = new Set<string>();
  const mappedChecks = new Set(rows.flatMap((row) => row.checks));
  for (const check of mustMap) {
    if (!mappedChecks.has(check))
      problems.push(
        `${where}: the check "${check}" is on no rule's row; every check must be something the instructions state`,
      );
  }
  for (const row of rows) {
    for (const check of row.checks) {
      if (!declared.has(check)) problems.push(`${where}:${row.line}: no check is named "${check}"`);
    }
    for (const name of row.wrong) {
      mapped.add(name);
      if (!cases.includes(name))
        problems.push(`${where}:${row.line}: no wrong submission grader/fixtures/wrong-solutions/${id}/${name}/`);
    }
  }
  for (const name of cases) {
    if (!mapped.has(name)) problems.push(`${where}: the wrong submission "${name}" is not on any rule's row`);
  }
  return problems;
}

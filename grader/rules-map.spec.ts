import { describe, expect, it } from 'vitest';
import { parseRulesMap } from './rules-map.ts';

const table = (rows: string) =>
  `# Rules → checks: demo\n| # | rule (from instructions.md) | checks that fail when only this rule is broken | wrong submissions |\n|---|---|---|---|\n${rows}\n`;

describe('parseRulesMap', () => {
  it('reads rule, quoted check names and wrong submissions per row', () => {
    const rows = parseRulesMap(
      table(
        '| 1 | completing twice is refused | "completing twice throws TASK.ALREADY_COMPLETED", "state is unchanged" | twice-allowed, mutates |\n| 2 | `now` is the clock | "updatedAt is now" | — |',
      ),
      'rules.md',
    );
    expect(rows).toEqual([
      {
        line: 4,
        rule: 'completing twice is refused',
        checks: ['completing twice throws TASK.ALREADY_COMPLETED', 'state is unchanged'],
        wrong: ['twice-allowed', 'mutates'],
      },
      { line: 5, rule: '`now` is the clock', checks: ['updatedAt is now'], wrong: [] },
    ]);
  });

  it('keeps escaped pipes inside a cell', () => {
    expect(parseRulesMap(table('| 1 | a \\| b | "x \\| y" | — |'), 'r.md')[0]).toMatchObject({
      rule: 'a | b',
      checks: ['x | y'],
    });
  });

  it('names the file and line of a row without checks or with missing cells', () => {
    expect(() => parseRulesMap(table('| 1 | a rule | no quotes here | — |'), 'checks/x/rules.md')).toThrow(
      'checks/x/rules.md:4: name at least one check',
    );
    expect(() => parseRulesMap(table('| 1 | a rule | "c" |'), 'checks/x/rules.md')).toThrow(
      'checks/x/rules.md:4: a row needs 4 cells',
    );
  });
});

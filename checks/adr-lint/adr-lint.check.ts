import { describe, expect, it } from 'vitest';
import { lintAdr, type AdrProblem } from '../src/planning/adr-lint.js';

const VALID = [
  '# ADR-7: Use row-level tenant scoping', // 1
  '', // 2
  '## Status', // 3
  'Accepted', // 4
  '', // 5
  '## Context', // 6
  'Several customers share one database.', // 7
  '', // 8
  '## Decision', // 9
  'Every table gets a tenant_id column.', // 10
  '', // 11
  '## Alternatives', // 12
  'Schema per tenant.', // 13
  '', // 14
  '## Consequences', // 15
  'Every query must filter by tenant.', // 16
];
const doc = (lines: string[]) => lines.join('\n');
const withLines = (replace: Record<number, string>) => VALID.map((l, i) => replace[i + 1] ?? l);
const lines = (problems: AdrProblem[]) => problems.map((p) => p.line);

describe('lintAdr', () => {
  it('accepts a well-formed ADR, with an extra section and with CRLF line endings', () => {
    expect(lintAdr(doc(VALID))).toEqual([]);
    expect(lintAdr(VALID.join('\r\n'))).toEqual([]);
    expect(lintAdr(doc(withLines({ 4: 'Superseded by ADR-12' })))).toEqual([]);
  });

  it('reports a missing or malformed title on line 1', () => {
    for (const title of ['# Use tenant scoping', '# ADR-7:', 'ADR-7: Tenant scoping', '# ADR-x: Tenant scoping']) {
      const problems = lintAdr(doc(withLines({ 1: title })));
      expect(lines(problems), `title "${title}"`).toEqual([1]);
    }
  });

  it('reports a missing section with line null and the section name', () => {
    const problems = lintAdr(doc(VALID.slice(0, 14)));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBeNull();
    expect(problems[0]!.message).toMatch(/Consequences/);
  });

  it('reports an empty section on its heading line', () => {
    const problems = lintAdr(doc(withLines({ 10: '   ' })));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 9 });
    expect(problems[0]!.message).toMatch(/Decision/);
  });

  it('reports a status that is not Proposed, Accepted, Deprecated or Superseded by ADR-n on its line', () => {
    for (const status of ['Done', 'accepted', 'Superseded by the new one']) {
      const problems = lintAdr(doc(withLines({ 4: status })));
      expect(problems, `status "${status}"`).toHaveLength(1);
      expect(problems[0]!.line).toBe(4);
      expect(problems[0]!.message.toLowerCase()).toContain('status');
    }
  });

  it('reports duplicated and out-of-order sections on the offending heading', () => {
    const duplicated = lintAdr(doc([...VALID, '', '## Context', 'Again.']));
    expect(lines(duplicated)).toEqual([18]);
    expect(duplicated[0]!.message).toMatch(/Context/);
    const swapped = doc([VALID[0]!, '', '## Context', 'Why.', '', '## Status', 'Proposed', '', '## Decision', 'What.', '', '## Consequences', 'So.']);
    const problems = lintAdr(swapped);
    expect(problems.length).toBeGreaterThanOrEqual(1);
    expect(problems.every((p) => p.line === 3 || p.line === 6), 'the problem is on the Context or Status heading').toBe(true);
  });

  it('lists several problems sorted by line, missing sections last', () => {
    const problems = lintAdr(doc(['# Untitled', '', '## Status', 'Maybe', '', '## Context', '', '## Decision', 'Yes.']));
    expect(lines(problems)).toEqual([1, 4, 6, null]);
  });

  it('a section followed directly by an extra section is empty: a body ends at any ## heading', () => {
    const problems = lintAdr(doc(withLines({ 10: '' })));
    expect(lines(problems), 'Decision (line 9) has only a blank line before ## Alternatives').toEqual([9]);
    expect(problems[0]!.message).toMatch(/Decision/);
  });

  it('an extra section before Status is allowed', () => {
    expect(lintAdr(doc([VALID[0]!, '', '## Summary', 'Tenants by row.', '', ...VALID.slice(2)]))).toEqual([]);
  });

  it('the status may follow blank lines; a wrong one is reported on its own line', () => {
    expect(lintAdr(doc([...VALID.slice(0, 3), '', '', 'Proposed', ...VALID.slice(4)])), 'Proposed after two blank lines').toEqual([]);
    const problems = lintAdr(doc([...VALID.slice(0, 3), '', '', 'Done', ...VALID.slice(4)]));
    expect(lines(problems), 'Done on line 6, after two blank lines').toEqual([6]);
  });

  it('a status must be exactly one of the four forms: no words after it, no missing number', () => {
    for (const status of ['Accepted, mostly', 'Superseded by ADR-', 'Superseded by ADR-12 and ADR-13', 'Proposed?']) {
      expect(lines(lintAdr(doc(withLines({ 4: status })))), `status "${status}"`).toEqual([4]);
    }
  });
});

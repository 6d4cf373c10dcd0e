import { describe, expect, it } from 'vitest';
import { parseReportText, parseSetText } from './formats.ts';
import { formatPath } from './parse-file.ts';
import { sampleSet } from './fixtures.ts';

describe('parseFile messages', () => {
  it('format paths the way a reader writes them', () => {
    expect(formatPath([])).toBe('(root)');
    expect(formatPath(['exercises', 0, 'id'])).toBe('exercises[0].id');
    expect(formatPath(['intern', 'email'])).toBe('intern.email');
  });

  it('name the file, the field and the fix', () => {
    const result = parseSetText(JSON.stringify({ ...sampleSet(), title: 'ab', extra: true }), '"week.json"');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(
      /^"week\.json" is a damaged exercise set: field "title" too small: .*3.*; field "\(root\)" unrecognized key: "extra"\. Ask your mentor/,
    );
  });

  it('call a list or a string what it is', () => {
    expect(parseReportText('[1,2]', '"a.json"')).toMatchObject({
      ok: false,
      error: expect.stringContaining('it holds a list, not an object'),
    });
    expect(parseReportText('"hi"', '"a.json"')).toMatchObject({
      ok: false,
      error: expect.stringContaining('it holds string, not an object'),
    });
  });

  it('list at most four problems and count the rest', () => {
    const result = parseReportText(
      JSON.stringify({ format: 'backend-workbook/progress-report', version: 1, extra: 1 }),
      '"r.json"',
    );
    expect(result).toMatchObject({
      ok: false,
      error: expect.stringContaining('field "intern" is missing (expected object)'),
    });
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/; and 1 more problem\(s\)\./) });
  });
});

import { describe, expect, it } from 'vitest';
import { lineDiff } from './solution-diff.ts';

describe('lineDiff', () => {
  it('marks the learner lines removed and the solution lines added, keeping the rest', () => {
    const lines = lineDiff('a\nb\nc\n', 'a\nB\nc\n');
    expect(lines).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'added', text: 'B' },
      { kind: 'same', text: 'c' },
    ]);
  });

  it('has no changes for identical code', () => {
    expect(lineDiff('x\n', 'x\n').every((l) => l.kind === 'same')).toBe(true);
  });
});

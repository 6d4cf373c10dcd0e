import { describe, expect, it } from 'vitest';
import { decide, type Criterion, type OptionInput } from '../src/planning/decision-matrix.js';

const criteria: Criterion[] = [
  { name: 'multi-instance', mustHave: true },
  { name: 'large files', weight: 3 },
  { name: 'local dev', weight: 1 },
];
const opt = (name: string, large: number, local: number, multi = true): OptionInput => ({
  name, scores: { 'large files': large, 'local dev': local }, meets: { 'multi-instance': multi },
});

describe('decide', () => {
  it('scores qualified options as a weighted percentage and ranks them', () => {
    const d = decide({ criteria, options: [opt('bytea', 2, 5), opt('object storage', 5, 3)] });
    expect(d.ranking).toEqual([
      { name: 'object storage', score: 90, rank: 1, failed: [] },
      { name: 'bytea', score: 55, rank: 2, failed: [] },
    ]);
    expect(d.winner).toBe('object storage');
  });

  it('disqualifies options that fail a must-have, listing them last with what they failed', () => {
    const d = decide({ criteria, options: [opt('local disk', 5, 5, false), opt('object storage', 5, 3), opt('bytea', 2, 5)] });
    expect(d.ranking.map((r) => [r.name, r.rank])).toEqual([['object storage', 1], ['bytea', 2], ['local disk', null]]);
    expect(d.ranking[2]).toEqual({ name: 'local disk', score: null, rank: null, failed: ['multi-instance'] });
    expect(d.winner, 'a perfect score does not help an option that fails a must-have').toBe('object storage');
  });

  it('has no winner when nothing qualifies', () => {
    const d = decide({ criteria, options: [opt('a', 5, 5, false), opt('b', 4, 4, false)] });
    expect(d.winner).toBeNull();
    expect(d.ranking.every((r) => r.rank === null)).toBe(true);
    expect(d.closeCall).toBe(false);
  });

  it('rounds scores to one decimal and keeps input order on ties', () => {
    const three: Criterion[] = [{ name: 'a', weight: 1 }, { name: 'b', weight: 1 }, { name: 'c', weight: 1 }];
    const d = decide({
      criteria: three,
      options: [
        { name: 'first', scores: { a: 5, b: 4, c: 4 }, meets: {} },
        { name: 'second', scores: { a: 4, b: 5, c: 4 }, meets: {} },
      ],
    });
    expect(d.ranking.map((r) => [r.name, r.score, r.rank])).toEqual([['first', 86.7, 1], ['second', 86.7, 2]]);
  });

  it('flags a close call when the best two are within the margin', () => {
    expect(decide({ criteria, options: [opt('x', 5, 3), opt('y', 5, 3)] }).closeCall).toBe(true);
    expect(decide({ criteria, options: [opt('x', 5, 3), opt('y', 5, 2)] }).closeCall, '90 vs 85 is exactly the margin, not less').toBe(false);
    expect(decide({ criteria, options: [opt('x', 5, 3), opt('y', 3, 3)] }).closeCall).toBe(false);
    expect(decide({ criteria, options: [opt('x', 5, 3), opt('y', 3, 3)], closeCallMargin: 40 }).closeCall).toBe(true);
    expect(decide({ criteria, options: [opt('only', 5, 3)] }).closeCall).toBe(false);
  });

  it('compares the rounded scores exactly: 68.6 vs 63.6 differ by 5.0, which is not a close call at margin 5', () => {
    const two: Criterion[] = [{ name: 'p', weight: 11 }, { name: 'q', weight: 17 }];
    const d = decide({ criteria: two, options: [{ name: 'A', scores: { p: 1, q: 5 }, meets: {} }, { name: 'B', scores: { p: 5, q: 2 }, meets: {} }] });
    expect(d.ranking.map((r) => r.score), 'the two scores').toEqual([68.6, 63.6]);
    expect(d.closeCall, 'in floating point 68.6 − 63.6 is 4.99999…; in tenths it is exactly 5.0').toBe(false);
  });

  it('lists every must-have a disqualified option fails, in the order of the criteria', () => {
    const strict: Criterion[] = [{ name: 'multi-instance', mustHave: true }, { name: 'speed', weight: 1 }, { name: 'eu-hosted', mustHave: true }];
    const d = decide({ criteria: strict, options: [{ name: 'nas', scores: { speed: 3 }, meets: { 'multi-instance': false, 'eu-hosted': false } }] });
    expect(d.ranking).toEqual([{ name: 'nas', score: null, rank: null, failed: ['multi-instance', 'eu-hosted'] }]);
  });

  it('validates the scores of disqualified options too', () => {
    expect(() => decide({ criteria, options: [opt('local disk', 7, 5, false)] }), 'a score of 7 on an option that fails a must-have').toThrow(/local disk[\s\S]*large files|large files[\s\S]*local disk/);
    expect(() => decide({ criteria: [{ name: 'speed', weight: Number.NaN }], options: [] }), 'a NaN weight is not > 0').toThrow(RangeError);
  });

  it('rejects bad weights, scores and unanswered must-haves, naming option and criterion', () => {
    expect(() => decide({ criteria: [{ name: 'speed', weight: 0 }], options: [] })).toThrow(/speed/);
    expect(() => decide({ criteria, options: [opt('minio', 6, 3)] })).toThrow(RangeError);
    expect(() => decide({ criteria, options: [opt('minio', 6, 3)] })).toThrow(/minio[\s\S]*large files|large files[\s\S]*minio/);
    expect(() => decide({ criteria, options: [opt('minio', 4.5, 3)] })).toThrow(RangeError);
    expect(() => decide({ criteria, options: [{ name: 'gcs', scores: { 'large files': 5 }, meets: { 'multi-instance': true } }] })).toThrow(/local dev/);
    expect(() => decide({ criteria, options: [{ name: 'nfs', scores: { 'large files': 5, 'local dev': 5 }, meets: {} }] })).toThrow(/multi-instance/);
  });
});

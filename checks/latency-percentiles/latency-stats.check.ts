import { describe, expect, it } from 'vitest';
import { checkSlo, histogram, summarize } from '../src/observability/latency-stats.js';

const oneToHundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100, 99, …, 1 (unsorted on purpose)

describe('latency statistics', () => {
  it('computes nearest-rank percentiles, min, max and mean', () => {
    expect(summarize(oneToHundred)).toEqual({ count: 100, min: 1, max: 100, mean: 50.5, p50: 50, p90: 90, p95: 95, p99: 99 });
  });

  it('uses the nearest rank on small samples too', () => {
    const s = summarize([15, 20, 35, 40, 50]);
    expect([s.p50, s.p90, s.p95, s.p99]).toEqual([35, 50, 50, 50]);
    expect(summarize([7])).toMatchObject({ p50: 7, p99: 7, min: 7, max: 7, mean: 7 });
    const ten = summarize([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect([ten.p50, ten.p90, ten.p95]).toEqual([5, 9, 10]);
  });

  it('sorts numbers numerically and leaves the input untouched', () => {
    const samples = [100, 20, 3, 1000, 45];
    const s = summarize(samples);
    expect([s.min, s.max, s.p50]).toEqual([3, 1000, 45]);
    expect(samples).toEqual([100, 20, 3, 1000, 45]);
  });

  it('rejects empty input and negative, NaN or infinite samples', () => {
    expect(() => summarize([])).toThrow(RangeError);
    expect(() => summarize([1, -2])).toThrow(RangeError);
    expect(() => summarize([1, Number.NaN])).toThrow(RangeError);
    expect(() => summarize([1, Number.POSITIVE_INFINITY])).toThrow(RangeError);
  });

  it('accepts a sample of exactly 0 ms (only negative samples are refused)', () => {
    expect(summarize([0, 5])).toMatchObject({ count: 2, min: 0, max: 5, p50: 0 });
  });

  it('builds cumulative histogram buckets ending with +Inf, whatever the order of the bounds', () => {
    const samples = [5, 40, 50, 51, 99, 100, 250, 1200];
    expect(histogram(samples, [250, 50, 100])).toEqual([
      { le: 50, count: 3 },
      { le: 100, count: 6 },
      { le: 250, count: 7 },
      { le: Infinity, count: 8 },
    ]);
  });

  it('passes the SLO exactly at the objectives and lists each objective exceeded', () => {
    const s = summarize(oneToHundred);
    expect(checkSlo(s, { p95Ms: 95, p99Ms: 99 })).toEqual({ pass: true, violations: [] });
    const verdict = checkSlo(s, { p95Ms: 90, p99Ms: 98 });
    expect(verdict.pass).toBe(false);
    expect(verdict.violations).toHaveLength(2);
    expect(verdict.violations.join(' ')).toMatch(/p95/);
    expect(verdict.violations.join(' ')).toMatch(/p99/);
    expect(checkSlo(s, { p95Ms: 200, p99Ms: 98 }).violations).toHaveLength(1);
  });

  it('names the percentile, its value and the objective in each violation', () => {
    const s = summarize([...oneToHundred, 340]); // 101 samples: p99 is 100
    const number = (n: number) => new RegExp(`(^|\\D)${n}(\\D|$)`);
    const [message] = checkSlo(s, { p95Ms: 200, p99Ms: 80 }).violations;
    expect(message).toMatch(/p99/);
    expect(message, 'the measured p99').toMatch(number(s.p99));
    expect(message, 'the objective').toMatch(number(80));
  });
});

import { describe, expect, it } from 'vitest';
import { formatValue, renderExposition } from './exposition.js';

describe('renderExposition', () => {
  it('renders counters with HELP, TYPE and escaped labels', () => {
    const text = renderExposition([
      {
        type: 'counter',
        name: 'jobs_total',
        help: 'Jobs run.\nBy queue.',
        samples: [
          { labels: { queue: 'mail "urgent"' }, value: 3 },
          { labels: {}, value: 1 },
        ],
      },
    ]);
    expect(text).toBe(
      '# HELP jobs_total Jobs run.\\nBy queue.\n# TYPE jobs_total counter\njobs_total{queue="mail \\"urgent\\""} 3\njobs_total 1\n',
    );
  });

  it('renders histograms with cumulative buckets, +Inf = count, _sum and _count', () => {
    const text = renderExposition([
      {
        type: 'histogram',
        name: 'latency_seconds',
        help: 'Latency.',
        buckets: [0.1, 1],
        series: [{ labels: { route: '/a' }, bucketCounts: [2, 1], sum: 7.5, count: 4 }],
      },
    ]);
    expect(text.split('\n').slice(2, -1)).toEqual([
      'latency_seconds_bucket{route="/a",le="0.1"} 2',
      'latency_seconds_bucket{route="/a",le="1"} 3',
      'latency_seconds_bucket{route="/a",le="+Inf"} 4',
      'latency_seconds_sum{route="/a"} 7.5',
      'latency_seconds_count{route="/a"} 4',
    ]);
  });

  it('rejects bad names, a reserved le label and unordered buckets', () => {
    expect(() => renderExposition([{ type: 'gauge', name: '1up', help: 'x', samples: [] }])).toThrow(/"1up"/);
    expect(() =>
      renderExposition([{ type: 'gauge', name: 'up', help: 'x', samples: [{ labels: { __x: 'a' }, value: 1 }] }]),
    ).toThrow(/"__x"/);
    const histogram = { type: 'histogram' as const, name: 'h', help: 'x', series: [] };
    expect(() => renderExposition([{ ...histogram, buckets: [1, 1] }])).toThrow(/strictly ascending/);
    expect(() =>
      renderExposition([{ ...histogram, buckets: [1], series: [{ labels: { le: '1' }, bucketCounts: [0], sum: 0, count: 0 }] }]),
    ).toThrow(/"le" is reserved/);
  });

  it('spells the special values the Prometheus way', () => {
    expect([Infinity, -Infinity, NaN, 0.25].map(formatValue)).toEqual(['+Inf', '-Inf', 'NaN', '0.25']);
  });
});

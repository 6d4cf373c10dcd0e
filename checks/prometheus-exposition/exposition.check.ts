import { describe, expect, it } from 'vitest';
import { formatValue, renderExposition, type HistogramFamily } from '../src/infrastructure/metrics/exposition.js';

const latency = (series: HistogramFamily['series'], buckets = [0.1, 0.5, 1]): HistogramFamily => ({
  type: 'histogram',
  name: 'latency_seconds',
  help: 'Request latency.',
  buckets,
  series,
});
const lines = (text: string) => text.split('\n');

describe('renderExposition', () => {
  it('writes HELP and TYPE before the samples, families in order, every line ending with a newline', () => {
    const text = renderExposition([
      { type: 'counter', name: 'jobs_total', help: 'Jobs run.', samples: [{ labels: { queue: 'mail' }, value: 3 }] },
      { type: 'gauge', name: 'queue_depth', help: 'Jobs waiting.', samples: [{ labels: {}, value: 7 }] },
    ]);
    expect(text).toBe(
      '# HELP jobs_total Jobs run.\n# TYPE jobs_total counter\njobs_total{queue="mail"} 3\n' +
        '# HELP queue_depth Jobs waiting.\n# TYPE queue_depth gauge\nqueue_depth 7\n',
    );
    expect(renderExposition([])).toBe('');
    expect(renderExposition([{ type: 'counter', name: 'idle_total', help: 'Nothing yet.', samples: [] }])).toBe(
      '# HELP idle_total Nothing yet.\n# TYPE idle_total counter\n',
    );
  });

  it('escapes backslash and line break in HELP text', () => {
    const text = renderExposition([{ type: 'gauge', name: 'g', help: 'Path C:\\tmp\nsecond line', samples: [] }]);
    expect(lines(text)[0]).toBe('# HELP g Path C:\\\\tmp\\nsecond line');
  });

  it('renders labels in the given order, and no braces without labels', () => {
    const text = renderExposition([
      {
        type: 'counter',
        name: 'http_requests_total',
        help: 'Requests.',
        samples: [
          { labels: { status: '200', method: 'GET', route: '/tasks' }, value: 12 },
          { labels: {}, value: 1 },
        ],
      },
    ]);
    expect(lines(text).slice(2, 4)).toEqual(['http_requests_total{status="200",method="GET",route="/tasks"} 12', 'http_requests_total 1']);
  });

  it('escapes backslash, double quote and line break in label values', () => {
    const text = renderExposition([
      { type: 'counter', name: 'c_total', help: 'x', samples: [{ labels: { path: 'a\\b "q"\nz' }, value: 1 }] },
    ]);
    expect(lines(text)[2]).toBe('c_total{path="a\\\\b \\"q\\"\\nz"} 1');
  });

  it('formats values and special values as +Inf, -Inf and NaN', () => {
    expect([Infinity, -Infinity, NaN, 0.25, 3, -2].map(formatValue)).toEqual(['+Inf', '-Inf', 'NaN', '0.25', '3', '-2']);
    const text = renderExposition([
      { type: 'gauge', name: 'g', help: 'x', samples: [{ labels: {}, value: Infinity }, { labels: {}, value: NaN }] },
    ]);
    expect(lines(text).slice(2, 4)).toEqual(['g +Inf', 'g NaN']);
  });

  it('histogram buckets are cumulative, in the given order, with le after the series labels', () => {
    const text = renderExposition([latency([{ labels: { route: '/a' }, bucketCounts: [4, 0, 2], sum: 3.5, count: 6 }], [0.1, 0.5, 1])]);
    expect(lines(text).slice(0, 5)).toEqual([
      '# HELP latency_seconds Request latency.',
      '# TYPE latency_seconds histogram',
      'latency_seconds_bucket{route="/a",le="0.1"} 4',
      'latency_seconds_bucket{route="/a",le="0.5"} 4',
      'latency_seconds_bucket{route="/a",le="1"} 6',
    ]);
  });

  it('the +Inf bucket is the total count, including observations above the last bound', () => {
    const text = renderExposition([latency([{ labels: {}, bucketCounts: [1, 1, 1], sum: 12, count: 5 }])]);
    expect(lines(text)[4]).toBe('latency_seconds_bucket{le="1"} 3');
    expect(lines(text)[5]).toBe('latency_seconds_bucket{le="+Inf"} 5');
  });

  it('histogram _sum and _count follow the buckets with the series labels, series after series', () => {
    const text = renderExposition([
      latency(
        [
          { labels: { route: '/a' }, bucketCounts: [1], sum: 0.05, count: 1 },
          { labels: { route: '/b' }, bucketCounts: [0], sum: 2, count: 1 },
        ],
        [0.1],
      ),
    ]);
    expect(lines(text).slice(2, -1)).toEqual([
      'latency_seconds_bucket{route="/a",le="0.1"} 1',
      'latency_seconds_bucket{route="/a",le="+Inf"} 1',
      'latency_seconds_sum{route="/a"} 0.05',
      'latency_seconds_count{route="/a"} 1',
      'latency_seconds_bucket{route="/b",le="0.1"} 0',
      'latency_seconds_bucket{route="/b",le="+Inf"} 1',
      'latency_seconds_sum{route="/b"} 2',
      'latency_seconds_count{route="/b"} 1',
    ]);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('rejects invalid metric and label names, naming them', () => {
    expect(() => renderExposition([{ type: 'counter', name: 'http-requests', help: 'x', samples: [] }])).toThrow(/http-requests/);
    expect(() => renderExposition([{ type: 'counter', name: '9lives', help: 'x', samples: [] }])).toThrow(/9lives/);
    const withLabel = (label: string) =>
      renderExposition([{ type: 'counter', name: 'c_total', help: 'x', samples: [{ labels: { [label]: 'v' }, value: 1 }] }]);
    expect(() => withLabel('route-name')).toThrow(/route-name/);
    expect(() => withLabel('__reserved')).toThrow(/__reserved/);
    expect(() => withLabel('ns:label')).toThrow(/ns:label/);
    expect(() => withLabel('_ok')).not.toThrow();
  });

  it('rejects le as a histogram label and bounds that are not strictly ascending, naming the histogram', () => {
    expect(() => renderExposition([latency([{ labels: { le: '1' }, bucketCounts: [0, 0, 0], sum: 0, count: 0 }])])).toThrow(/latency_seconds/);
    expect(() => renderExposition([latency([], [0.5, 0.1])])).toThrow(/latency_seconds/);
    expect(() => renderExposition([latency([], [0.1, 0.1])])).toThrow(/latency_seconds/);
  });
});

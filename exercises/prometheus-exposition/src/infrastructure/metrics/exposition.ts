/**
 * The Prometheus text exposition format (version 0.0.4): what a scraper reads from GET /metrics.
 * Pure data in, text out, so the format is tested on its own and every metric source shares it.
 */

/** Label name → value, rendered in insertion order. */
export type Labels = Record<string, string>;

export interface CounterFamily {
  type: 'counter' | 'gauge';
  name: string;
  help: string;
  samples: Array<{ labels: Labels; value: number }>;
}

export interface HistogramSeries {
  labels: Labels;
  /** Observations per bucket, NOT cumulative: bucketCounts[i] counts values in (buckets[i-1], buckets[i]]. */
  bucketCounts: number[];
  sum: number;
  /** Every observation, including those above the last bucket's bound. */
  count: number;
}

export interface HistogramFamily {
  type: 'histogram';
  name: string;
  help: string;
  /** Upper bounds, strictly ascending, without +Inf. */
  buckets: number[];
  series: HistogramSeries[];
}

export type MetricFamily = CounterFamily | HistogramFamily;

/** The whole exposition: for each family its HELP and TYPE lines, then its samples. */
export function renderExposition(families: MetricFamily[]): string {
  throw new Error(`Not implemented: renderExposition (${families.length} families)`);
}

/** Numbers as JavaScript prints them, with Prometheus' spelling of the special values. */
export function formatValue(value: number): string {
  throw new Error(`Not implemented: formatValue (${value})`);
}

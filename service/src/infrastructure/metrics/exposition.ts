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

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** The whole exposition: for each family its HELP and TYPE lines, then its samples. */
export function renderExposition(families: MetricFamily[]): string {
  const lines: string[] = [];
  for (const family of families) {
    if (!METRIC_NAME.test(family.name)) throw new Error(`invalid metric name "${family.name}"`);
    lines.push(`# HELP ${family.name} ${escapeHelp(family.help)}`, `# TYPE ${family.name} ${family.type}`);
    if (family.type === 'histogram') lines.push(...histogramLines(family));
    else for (const sample of family.samples) lines.push(sampleLine(family.name, sample.labels, sample.value));
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

function histogramLines(family: HistogramFamily): string[] {
  family.buckets.forEach((bound, i) => {
    if (i > 0 && !(bound > (family.buckets[i - 1] as number))) {
      throw new Error(`histogram "${family.name}": buckets must be strictly ascending, got ${family.buckets.join(', ')}`);
    }
  });
  const lines: string[] = [];
  for (const series of family.series) {
    if ('le' in series.labels) throw new Error(`histogram "${family.name}": "le" is reserved for bucket bounds`);
    let cumulative = 0;
    family.buckets.forEach((bound, i) => {
      cumulative += series.bucketCounts[i] ?? 0;
      lines.push(sampleLine(`${family.name}_bucket`, { ...series.labels, le: formatValue(bound) }, cumulative));
    });
    lines.push(sampleLine(`${family.name}_bucket`, { ...series.labels, le: '+Inf' }, series.count));
    lines.push(sampleLine(`${family.name}_sum`, series.labels, series.sum));
    lines.push(sampleLine(`${family.name}_count`, series.labels, series.count));
  }
  return lines;
}

function sampleLine(name: string, labels: Labels, value: number): string {
  const pairs = Object.entries(labels).map(([label, text]) => {
    if (!LABEL_NAME.test(label) || label.startsWith('__')) throw new Error(`invalid label name "${label}" on ${name}`);
    return `${label}="${escapeLabelValue(text)}"`;
  });
  return `${name}${pairs.length > 0 ? `{${pairs.join(',')}}` : ''} ${formatValue(value)}`;
}

/** Numbers as JavaScript prints them, with Prometheus' spelling of the special values. */
export function formatValue(value: number): string {
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  if (Number.isNaN(value)) return 'NaN';
  return String(value);
}

function escapeLabelValue(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

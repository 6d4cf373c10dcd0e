export interface LatencySummary {
  count: number;
  min: number;
  max: number;
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
}

export interface Bucket {
  le: number;
  count: number;
}

function validated(samplesMs: readonly number[]): number[] {
  if (samplesMs.length === 0) throw new RangeError('no latency samples: run the load test first');
  const bad = samplesMs.find((s) => !Number.isFinite(s) || s < 0);
  if (bad !== undefined) throw new RangeError(`latency samples must be finite and ≥ 0, got ${bad}`);
  return [...samplesMs].sort((a, b) => a - b);
}

/** Nearest rank: the smallest value with at least p% of the samples at or below it. */
function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.max(rank, 1) - 1]!;
}

/** Nearest-rank percentiles and basic statistics of the samples (ms). */
export function summarize(samplesMs: readonly number[]): LatencySummary {
  const sorted = validated(samplesMs);
  return {
    count: sorted.length,
    min: sorted[0]!,
    max: sorted.at(-1)!,
    mean: sorted.reduce((sum, s) => sum + s, 0) / sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
}

/** Cumulative buckets: how many samples are ≤ each bound, ending with +Inf. */
export function histogram(samplesMs: readonly number[], boundsMs: readonly number[]): Bucket[] {
  const bounds = [...new Set(boundsMs)].filter((b) => b !== Infinity).sort((a, b) => a - b);
  return [...bounds, Infinity].map((le) => ({ le, count: samplesMs.filter((s) => s <= le).length }));
}

/** Compares a summary with the latency objectives. */
export function checkSlo(summary: LatencySummary, slo: { p95Ms: number; p99Ms: number }): { pass: boolean; violations: string[] } {
  const violations: string[] = [];
  if (summary.p95 > slo.p95Ms) violations.push(`p95 is ${summary.p95} ms, objective ${slo.p95Ms} ms`);
  if (summary.p99 > slo.p99Ms) violations.push(`p99 is ${summary.p99} ms, objective ${slo.p99Ms} ms`);
  return { pass: violations.length === 0, violations };
}

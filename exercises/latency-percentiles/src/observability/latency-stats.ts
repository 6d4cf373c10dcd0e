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

/** Nearest-rank percentiles and basic statistics of the samples (ms). */
export function summarize(samplesMs: readonly number[]): LatencySummary {
  throw new Error('Not implemented: summarize');
}

/** Cumulative buckets: how many samples are ≤ each bound, ending with +Inf. */
export function histogram(samplesMs: readonly number[], boundsMs: readonly number[]): Bucket[] {
  throw new Error('Not implemented: histogram');
}

/** Compares a summary with the latency objectives. */
export function checkSlo(summary: LatencySummary, slo: { p95Ms: number; p99Ms: number }): { pass: boolean; violations: string[] } {
  throw new Error('Not implemented: checkSlo');
}

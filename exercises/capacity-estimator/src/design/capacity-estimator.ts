/** Assumptions a design review agrees on before any number is computed. */
export interface CapacityAssumptions {
  dailyActiveUsers: number;
  requestsPerUserPerDay: number;
  /** Peak traffic as a multiple of the daily average (≥ 1). */
  peakFactor: number;
  /** Share of requests that write something (0–1). */
  writeRatio: number;
  bytesPerWrite: number;
  bytesPerResponse: number;
  retentionDays: number;
  /** Number of stored copies (integer ≥ 1). */
  replicationFactor: number;
}

export interface CapacityEstimate {
  requestsPerDay: number;
  averageQps: number;
  peakQps: number;
  writesPerDay: number;
  storageBytes: number;
  peakEgressBytesPerSecond: number;
}

/** Computes QPS, storage and bandwidth from the assumptions; throws RangeError naming a bad field. */
export function estimateCapacity(assumptions: CapacityAssumptions): CapacityEstimate {
  throw new Error('Not implemented: estimateCapacity');
}

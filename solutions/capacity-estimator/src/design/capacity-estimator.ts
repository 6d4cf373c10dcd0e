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

const SECONDS_PER_DAY = 86_400;

/** Computes QPS, storage and bandwidth from the assumptions; throws RangeError naming a bad field. */
export function estimateCapacity(assumptions: CapacityAssumptions): CapacityEstimate {
  validate(assumptions);
  const a = assumptions;
  const requestsPerDay = a.dailyActiveUsers * a.requestsPerUserPerDay;
  const averageQps = requestsPerDay / SECONDS_PER_DAY;
  const peakQps = averageQps * a.peakFactor;
  const writesPerDay = requestsPerDay * a.writeRatio;
  return {
    requestsPerDay,
    averageQps,
    peakQps,
    writesPerDay,
    storageBytes: writesPerDay * a.bytesPerWrite * a.retentionDays * a.replicationFactor,
    peakEgressBytesPerSecond: peakQps * a.bytesPerResponse,
  };
}

function validate(a: CapacityAssumptions): void {
  for (const [field, value] of Object.entries(a)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new RangeError(`${field} must be a finite, non-negative number, got ${String(value)}`);
    }
  }
  if (a.writeRatio > 1) throw new RangeError(`writeRatio must be between 0 and 1, got ${a.writeRatio}`);
  if (a.peakFactor < 1) throw new RangeError(`peakFactor must be at least 1, got ${a.peakFactor}`);
  if (!Number.isInteger(a.replicationFactor) || a.replicationFactor < 1) {
    throw new RangeError(`replicationFactor must be an integer of at least 1, got ${a.replicationFactor}`);
  }
}

import { describe, expect, it } from 'vitest';
import { estimateCapacity, type CapacityAssumptions } from '../src/design/capacity-estimator.js';

const base: CapacityAssumptions = {
  dailyActiveUsers: 100_000,
  requestsPerUserPerDay: 50,
  peakFactor: 3,
  writeRatio: 0.2,
  bytesPerWrite: 1_000,
  bytesPerResponse: 2_000,
  retentionDays: 365,
  replicationFactor: 3,
};

describe('estimateCapacity', () => {
  it('computes requests per day, average QPS and peak QPS from the traffic assumptions', () => {
    const e = estimateCapacity(base);
    expect(e.requestsPerDay).toBe(5_000_000);
    expect(e.averageQps, 'average QPS = requests per day / 86 400 s').toBeCloseTo(57.87, 2);
    expect(e.peakQps, 'peak QPS = average QPS × peak factor').toBeCloseTo(173.61, 2);
  });

  it('counts only writes for storage, over the retention period and every replica', () => {
    const e = estimateCapacity(base);
    expect(e.writesPerDay).toBe(1_000_000);
    expect(e.storageBytes, 'writes/day × bytes/write × retention days × replication').toBeCloseTo(1.095e12, -6);
    const single = estimateCapacity({ ...base, replicationFactor: 1, retentionDays: 30, writeRatio: 0.5 });
    expect(single.storageBytes).toBeCloseTo(2_500_000 * 1_000 * 30, -3);
  });

  it('computes peak egress bandwidth from peak QPS and the response size', () => {
    const e = estimateCapacity({ ...base, peakFactor: 4, bytesPerResponse: 500 });
    expect(e.peakEgressBytesPerSecond).toBeCloseTo((5_000_000 / 86_400) * 4 * 500, 3);
  });

  it('returns exact numbers for small inputs instead of rounding them', () => {
    const e = estimateCapacity({ ...base, dailyActiveUsers: 1, requestsPerUserPerDay: 1, peakFactor: 1 });
    expect(e.averageQps).toBeCloseTo(1 / 86_400, 12);
    expect(e.averageQps).toBeGreaterThan(0);
  });

  it('rejects negative, NaN and infinite values with a RangeError naming the field', () => {
    expect(() => estimateCapacity({ ...base, dailyActiveUsers: -1 })).toThrow(RangeError);
    expect(() => estimateCapacity({ ...base, dailyActiveUsers: -1 })).toThrow(/dailyActiveUsers/);
    expect(() => estimateCapacity({ ...base, bytesPerWrite: Number.NaN })).toThrow(/bytesPerWrite/);
    expect(() => estimateCapacity({ ...base, retentionDays: Number.POSITIVE_INFINITY })).toThrow(/retentionDays/);
  });

  it('rejects a write ratio above 1, a peak factor below 1 and a fractional replication factor', () => {
    expect(() => estimateCapacity({ ...base, writeRatio: 1.5 })).toThrow(/writeRatio/);
    expect(() => estimateCapacity({ ...base, peakFactor: 0.5 })).toThrow(/peakFactor/);
    expect(() => estimateCapacity({ ...base, replicationFactor: 0 })).toThrow(/replicationFactor/);
    expect(() => estimateCapacity({ ...base, replicationFactor: 2.5 })).toThrow(/replicationFactor/);
    expect(() => estimateCapacity({ ...base, writeRatio: 1, peakFactor: 1 })).not.toThrow();
  });

  it('rejects a negative, NaN or infinite value in every field, naming that field', () => {
    for (const field of Object.keys(base) as (keyof CapacityAssumptions)[]) {
      for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
        expect(() => estimateCapacity({ ...base, [field]: bad }), `${field}: ${bad}`).toThrow(RangeError);
        expect(() => estimateCapacity({ ...base, [field]: bad }), `${field}: ${bad}`).toThrow(new RegExp(field));
      }
    }
  });

  it('accepts zero wherever the rules allow it (users, requests, write ratio, sizes, retention)', () => {
    const zeros = { dailyActiveUsers: 0, requestsPerUserPerDay: 0, writeRatio: 0, bytesPerWrite: 0, bytesPerResponse: 0, retentionDays: 0 };
    for (const [field, value] of Object.entries(zeros)) {
      expect(() => estimateCapacity({ ...base, [field]: value }), `${field}: 0 must be accepted`).not.toThrow();
    }
    expect(estimateCapacity({ ...base, ...zeros })).toEqual({ requestsPerDay: 0, averageQps: 0, peakQps: 0, writesPerDay: 0, storageBytes: 0, peakEgressBytesPerSecond: 0 });
  });

  it('does not round QPS or bandwidth: the figures keep their decimals', () => {
    const e = estimateCapacity(base);
    const average = 5_000_000 / 86_400;
    expect(e.averageQps, 'averageQps to 9 decimals').toBeCloseTo(average, 9);
    expect(e.peakQps, 'peakQps to 9 decimals').toBeCloseTo(average * 3, 9);
    expect(e.peakEgressBytesPerSecond, 'peak egress to 6 decimals').toBeCloseTo(average * 3 * 2_000, 6);
  });
});

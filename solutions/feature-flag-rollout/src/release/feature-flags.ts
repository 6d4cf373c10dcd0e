import { createHash } from 'node:crypto';

export interface FeatureFlag {
  key: string;
  /** 0–100, decimals allowed. */
  percentage: number;
  killSwitch?: boolean;
  allowUsers?: readonly string[];
  denyUsers?: readonly string[];
  /** When set, only these tenants can get the feature through the rollout. */
  tenants?: readonly string[];
}

export type FlagReason = 'unknown-flag' | 'kill-switch' | 'denied' | 'allowed' | 'tenant-not-targeted' | 'rollout';

/** Stable bucket 0…9 999 for this user and flag. */
export function rolloutBucket(flagKey: string, userId: string): number {
  // The flag key is part of the input so each flag samples a different set of users.
  return createHash('sha256').update(`${flagKey}:${userId}`).digest().readUInt32BE(0) % 10_000;
}

/** Whether the feature is on for this user, and which rule decided. */
export function evaluate(flag: FeatureFlag | undefined, context: { userId: string; tenantId: string }): { enabled: boolean; reason: FlagReason } {
  if (!flag) return { enabled: false, reason: 'unknown-flag' };
  if (!Number.isFinite(flag.percentage) || flag.percentage < 0 || flag.percentage > 100) {
    throw new RangeError(`flag "${flag.key}": percentage must be between 0 and 100, got ${flag.percentage}`);
  }
  if (flag.killSwitch) return { enabled: false, reason: 'kill-switch' };
  if (flag.denyUsers?.includes(context.userId)) return { enabled: false, reason: 'denied' };
  if (flag.allowUsers?.includes(context.userId)) return { enabled: true, reason: 'allowed' };
  if (flag.tenants && !flag.tenants.includes(context.tenantId)) return { enabled: false, reason: 'tenant-not-targeted' };
  return { enabled: rolloutBucket(flag.key, context.userId) < flag.percentage * 100, reason: 'rollout' };
}

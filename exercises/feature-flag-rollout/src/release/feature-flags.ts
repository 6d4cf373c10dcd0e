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
  void createHash;
  throw new Error(`Not implemented: rolloutBucket (${flagKey}, ${userId})`);
}

/** Whether the feature is on for this user, and which rule decided. */
export function evaluate(flag: FeatureFlag | undefined, context: { userId: string; tenantId: string }): { enabled: boolean; reason: FlagReason } {
  throw new Error(`Not implemented: evaluate (${flag?.key}, ${context.userId})`);
}

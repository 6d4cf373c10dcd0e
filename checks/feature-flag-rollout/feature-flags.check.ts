import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { evaluate, rolloutBucket, type FeatureFlag } from '../src/release/feature-flags.js';

const USERS = Array.from({ length: 20_000 }, (_, i) => `user-${i}`);
const ctx = (userId: string, tenantId = 'acme') => ({ userId, tenantId });
const flag = (overrides: Partial<FeatureFlag> = {}): FeatureFlag => ({ key: 'new-board', percentage: 100, ...overrides });
const enabledUsers = (f: FeatureFlag) => USERS.filter((u) => evaluate(f, ctx(u)).enabled);

describe('feature flags', () => {
  it('buckets users by SHA-256 of "flagKey:userId", as a number from 0 to 9 999', () => {
    const expected = createHash('sha256').update('new-board:user-42').digest().readUInt32BE(0) % 10_000;
    expect(rolloutBucket('new-board', 'user-42')).toBe(expected);
    expect(rolloutBucket('new-board', 'user-42')).toBe(rolloutBucket('new-board', 'user-42'));
  });

  it('enables roughly the given share of users, and none at 0 % and all at 100 %', () => {
    const share = enabledUsers(flag({ percentage: 25 })).length / USERS.length;
    expect(share).toBeGreaterThan(0.23);
    expect(share).toBeLessThan(0.27);
    expect(enabledUsers(flag({ percentage: 0 }))).toHaveLength(0);
    expect(enabledUsers(flag({ percentage: 100 }))).toHaveLength(USERS.length);
    expect(evaluate(flag({ percentage: 25 }), ctx('user-1')).reason).toBe('rollout');
  });

  it('keeps everyone enabled at 10 % enabled at 50 % (monotonic rollout)', () => {
    const at50 = new Set(enabledUsers(flag({ percentage: 50 })));
    const at10 = enabledUsers(flag({ percentage: 10 }));
    expect(at10.length).toBeGreaterThan(0);
    expect(at10.every((u) => at50.has(u))).toBe(true);
  });

  it('selects different users for different flags at the same percentage', () => {
    const a = new Set(enabledUsers(flag({ key: 'new-board', percentage: 50 })));
    const b = enabledUsers(flag({ key: 'dark-mode', percentage: 50 }));
    const overlap = b.filter((u) => a.has(u)).length / b.length;
    expect(overlap, 'independent flags overlap on about half the users').toBeGreaterThan(0.4);
    expect(overlap).toBeLessThan(0.6);
  });

  it('applies the rules in order: unknown flag, kill switch, deny, allow, tenant targeting', () => {
    const f = flag({ percentage: 100, allowUsers: ['vip', 'both'], denyUsers: ['blocked', 'both'], tenants: ['acme'] });
    expect(evaluate(undefined, ctx('vip'))).toEqual({ enabled: false, reason: 'unknown-flag' });
    expect(evaluate({ ...f, killSwitch: true }, ctx('vip'))).toEqual({ enabled: false, reason: 'kill-switch' });
    expect(evaluate(f, ctx('both'))).toEqual({ enabled: false, reason: 'denied' });
    expect(evaluate(f, ctx('blocked'))).toEqual({ enabled: false, reason: 'denied' });
    expect(evaluate({ ...f, percentage: 0 }, ctx('vip', 'globex'))).toEqual({ enabled: true, reason: 'allowed' });
    expect(evaluate(f, ctx('someone', 'globex'))).toEqual({ enabled: false, reason: 'tenant-not-targeted' });
    expect(evaluate(f, ctx('someone', 'acme'))).toEqual({ enabled: true, reason: 'rollout' });
  });

  it('a user whose bucket equals percentage × 100 is out (bucket < percentage × 100), and decimals count', () => {
    // 12.5 × 100 = 1250 exactly in floating point; these users' buckets for "new-board" are 1249 and 1250.
    const [inside, atTheEdge] = ['user-22255', 'user-10695'];
    expect([rolloutBucket('new-board', inside), rolloutBucket('new-board', atTheEdge)], 'the buckets this check relies on').toEqual([1249, 1250]);
    expect(evaluate(flag({ percentage: 12.5 }), ctx(inside)), 'bucket 1249 at 12.5 %').toEqual({ enabled: true, reason: 'rollout' });
    expect(evaluate(flag({ percentage: 12.5 }), ctx(atTheEdge)), 'bucket 1250 at 12.5 %').toEqual({ enabled: false, reason: 'rollout' });
  });

  it('an empty tenants list targets no tenant: everyone outside the allow list is off', () => {
    const f = flag({ percentage: 100, tenants: [], allowUsers: ['vip'] });
    expect(evaluate(f, ctx('someone', 'acme'))).toEqual({ enabled: false, reason: 'tenant-not-targeted' });
    expect(evaluate(f, ctx('vip', 'acme'))).toEqual({ enabled: true, reason: 'allowed' });
  });

  it('rejects percentages outside 0–100, naming the flag', () => {
    expect(() => evaluate(flag({ key: 'nan-flag', percentage: Number.NaN }), ctx('u')), 'NaN is not a percentage').toThrow(RangeError);
    expect(evaluate(flag({ percentage: 100 }), ctx('u')).enabled, '100 is allowed').toBe(true);
    expect(() => evaluate(flag({ key: 'beta-export', percentage: 150 }), ctx('u'))).toThrow(/beta-export/);
    expect(() => evaluate(flag({ percentage: -1 }), ctx('u'))).toThrow(RangeError);
    expect(evaluate(flag({ percentage: 0.5 }), ctx('u')).reason).toBe('rollout');
  });
});

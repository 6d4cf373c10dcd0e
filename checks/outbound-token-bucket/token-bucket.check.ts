import { describe, expect, it } from 'vitest';
import { TokenBucket, parseRetryAfter } from '../src/integrations/token-bucket.js';

function bucket(capacity: number, refillPerSecond: number) {
  const clock = { t: 1_000_000 };
  return { clock, b: new TokenBucket({ capacity, refillPerSecond, now: () => clock.t }) };
}

describe('TokenBucket', () => {
  it('starts full and allows a burst of exactly capacity', () => {
    const { b } = bucket(5, 1);
    for (let i = 0; i < 5; i++) expect(b.tryTake(), `take ${i + 1}`).toBe(true);
    expect(b.tryTake()).toBe(false);
  });

  it('refills continuously, fractions included', () => {
    const { b, clock } = bucket(4, 2);
    for (let i = 0; i < 4; i++) b.tryTake();
    clock.t += 500;
    expect(b.available).toBeCloseTo(1, 6);
    expect(b.tryTake()).toBe(true);
    expect(b.tryTake()).toBe(false);
    clock.t += 250;
    expect(b.available).toBeCloseTo(0.5, 6);
  });

  it('never holds more than capacity, however long it was idle', () => {
    const { b, clock } = bucket(3, 10);
    b.tryTake();
    clock.t += 3_600_000;
    expect(b.available).toBe(3);
    expect(b.tryTake(3)).toBe(true);
    expect(b.tryTake()).toBe(false);
  });

  it('tells how long until enough tokens are available, and takes nothing when refusing', () => {
    const { b, clock } = bucket(10, 4);
    expect(b.msUntilAvailable(10), 'no wait when enough tokens are there').toBeCloseTo(0, 6);
    expect(b.tryTake(10)).toBe(true);
    expect(b.msUntilAvailable()).toBe(250);
    expect(b.msUntilAvailable(3)).toBe(750);
    clock.t += 100;
    expect(b.tryTake(), 'refused: only 0.4 tokens').toBe(false);
    expect(b.available).toBeCloseTo(0.4, 6);
    expect(b.msUntilAvailable()).toBe(150);
  });

  it('stops entirely while paused by a 429, and counts the pause in the wait', () => {
    const { b, clock } = bucket(5, 5);
    b.pauseUntil(clock.t + 30_000);
    expect(b.tryTake()).toBe(false);
    expect(b.msUntilAvailable()).toBe(30_000);
    b.pauseUntil(clock.t + 10_000);
    expect(b.msUntilAvailable(), 'a shorter pause does not shorten the current one').toBe(30_000);
    clock.t += 30_000;
    expect(b.tryTake()).toBe(true);
  });

  it('rejects requests that could never succeed', () => {
    const { b } = bucket(5, 1);
    expect(() => b.tryTake(6)).toThrow(RangeError);
    expect(() => b.tryTake(0)).toThrow(RangeError);
    expect(() => b.msUntilAvailable(6)).toThrow(RangeError);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-10-21T07:00:00Z');
  it('reads delay-seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(now + 120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(now);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', now)).toBe(Date.parse('2026-10-21T07:28:00Z'));
  });

  it('returns undefined for anything else', () => {
    for (const bad of ['', 'soon', '-5', '1.5', 'NaN']) expect(parseRetryAfter(bad, now), bad).toBeUndefined();
  });
});

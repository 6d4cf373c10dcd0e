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

  it('rounds the wait up to a whole millisecond (1 token at 3/s is 334 ms, not 333)', () => {
    const { b } = bucket(3, 3);
    expect(b.tryTake(3)).toBe(true);
    expect(b.msUntilAvailable()).toBe(334);
  });

  it('lets a later pause extend an earlier one', () => {
    const { b, clock } = bucket(5, 5);
    b.pauseUntil(clock.t + 10_000);
    b.pauseUntil(clock.t + 30_000);
    expect(b.msUntilAvailable(), 'the pause ending later wins').toBe(30_000);
    clock.t += 20_000;
    expect(b.tryTake(), 'still paused 20 s in').toBe(false);
  });

  it('takes nothing while paused: after the pause the bucket is full again', () => {
    const { b, clock } = bucket(5, 1);
    b.pauseUntil(clock.t + 1_000);
    for (let i = 0; i < 5; i++) expect(b.tryTake()).toBe(false);
    clock.t += 1_000;
    expect(b.available, 'refused takes during the pause must not spend tokens').toBe(5);
  });

  it('waits for the longer of pause and refill, not their sum (tokens refill during a pause)', () => {
    const { b, clock } = bucket(10, 4);
    expect(b.tryTake(10)).toBe(true);
    b.pauseUntil(clock.t + 100);
    expect(b.msUntilAvailable(), 'refill needs 250 ms, the pause 100 ms').toBe(250);
    b.pauseUntil(clock.t + 1_000);
    expect(b.msUntilAvailable(), 'the pause needs 1000 ms, refill 250 ms').toBe(1_000);
  });

  it('rejects requests that could never succeed', () => {
    const { b: b2 } = bucket(5, 1);
    expect(() => b2.msUntilAvailable(0)).toThrow(RangeError);
    expect(() => b2.tryTake(-1)).toThrow(RangeError);
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

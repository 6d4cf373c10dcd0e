import { describe, expect, it } from 'vitest';
import { planSprint, type Priority, type Requirement } from '../src/planning/moscow.js';

const req = (id: string, priority: Priority, estimateDays: number): Requirement => ({ id, title: `Req ${id}`, priority, estimateDays });
const ids = (list: Requirement[]) => list.map((r) => r.id);

describe('planSprint', () => {
  it('commits every Must, then Shoulds and Coulds in input order while they fit', () => {
    const plan = planSprint([req('c1', 'COULD', 1), req('m1', 'MUST', 3), req('s1', 'SHOULD', 2), req('m2', 'MUST', 2)], 10);
    expect(ids(plan.committed)).toEqual(['m1', 'm2', 's1', 'c1']);
    expect(plan.deferred).toEqual([]);
    expect(plan.usedDays).toBe(8);
    expect(plan.mustFits).toBe(true);
    expect(plan.capacityDays).toBe(10);
  });

  it('skips an item that does not fit but still commits smaller items after it', () => {
    const plan = planSprint([req('auth', 'MUST', 3), req('export', 'SHOULD', 4), req('audit', 'SHOULD', 2), req('dark', 'COULD', 1)], 6);
    expect(ids(plan.committed)).toEqual(['auth', 'audit', 'dark']);
    expect(ids(plan.deferred)).toEqual(['export']);
    expect(plan.usedDays).toBe(6);
  });

  it("never commits a Won't, even when there is room", () => {
    const plan = planSprint([req('w1', 'WONT', 1), req('m1', 'MUST', 1)], 100);
    expect(ids(plan.committed)).toEqual(['m1']);
    expect(ids(plan.deferred)).toEqual(['w1']);
  });

  it('commits all Musts and nothing else, with mustFits false, when the Musts exceed the capacity', () => {
    const plan = planSprint([req('m1', 'MUST', 4), req('s1', 'SHOULD', 1), req('m2', 'MUST', 4), req('c1', 'COULD', 1)], 5);
    expect(ids(plan.committed)).toEqual(['m1', 'm2']);
    expect(plan.mustFits).toBe(false);
    expect(plan.usedDays).toBe(8);
    expect(ids(plan.deferred)).toEqual(['s1', 'c1']);
  });

  it("orders deferred items by priority (Should, Could, Won't), then input order", () => {
    const plan = planSprint(
      [req('w1', 'WONT', 1), req('c1', 'COULD', 9), req('s1', 'SHOULD', 9), req('c2', 'COULD', 8), req('s2', 'SHOULD', 7)],
      5,
    );
    expect(ids(plan.committed)).toEqual([]);
    expect(ids(plan.deferred)).toEqual(['s1', 's2', 'c1', 'c2', 'w1']);
  });

  it('rejects duplicate ids, non-positive estimates and a negative capacity, naming the problem', () => {
    expect(() => planSprint([req('login-page', 'MUST', 1), req('login-page', 'COULD', 1)], 5)).toThrow(/login-page/);
    expect(() => planSprint([req('zero', 'MUST', 0)], 5)).toThrow(RangeError);
    expect(() => planSprint([req('zero', 'MUST', 0)], 5)).toThrow(/zero/);
    expect(() => planSprint([req('nan', 'SHOULD', Number.NaN)], 5)).toThrow(/nan/);
    expect(() => planSprint([req('a', 'MUST', 1)], -1)).toThrow(RangeError);
    expect(() => planSprint([], 0)).not.toThrow();
  });

  it('Musts that exactly fill the capacity fit: mustFits is true and there is no room for more', () => {
    const plan = planSprint([req('m1', 'MUST', 2.5), req('m2', 'MUST', 2.5), req('s1', 'SHOULD', 0.5)], 5);
    expect({ committed: ids(plan.committed), deferred: ids(plan.deferred), usedDays: plan.usedDays, mustFits: plan.mustFits }).toEqual({
      committed: ['m1', 'm2'], deferred: ['s1'], usedDays: 5, mustFits: true,
    });
  });

  it('a capacity that is not finite (Infinity, NaN) is a RangeError', () => {
    expect(() => planSprint([req('a', 'MUST', 1)], Number.POSITIVE_INFINITY), 'capacity Infinity').toThrow(RangeError);
    expect(() => planSprint([req('a', 'MUST', 1)], Number.NaN), 'capacity NaN').toThrow(RangeError);
  });

  it('an infinite or negative estimate is a RangeError naming the requirement', () => {
    expect(() => planSprint([req('forever', 'COULD', Number.POSITIVE_INFINITY)], 5), 'estimate Infinity').toThrow(RangeError);
    expect(() => planSprint([req('forever', 'COULD', Number.POSITIVE_INFINITY)], 5), 'estimate Infinity').toThrow(/forever/);
    expect(() => planSprint([req('refund', 'SHOULD', -2)], 5), 'estimate -2').toThrow(RangeError);
    expect(() => planSprint([req('refund', 'SHOULD', -2)], 5), 'estimate -2').toThrow(/refund/);
  });
});

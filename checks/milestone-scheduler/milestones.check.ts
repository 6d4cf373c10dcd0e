import { describe, expect, it } from 'vitest';
import { DependencyCycleError, UnknownDependencyError, schedule, type Schedule, type WorkItem } from '../src/planning/milestones.js';

const item = (id: string, days: number, ...dependsOn: string[]): WorkItem => ({ id, days, dependsOn });
const PLAN = [item('launch', 1, 'api', 'ui'), item('api', 5, 'schema'), item('schema', 2), item('ui', 3, 'schema'), item('docs', 1)];

function expectValidOrder(items: WorkItem[], s: Schedule) {
  expect([...s.order].sort()).toEqual(items.map((i) => i.id).sort());
  for (const i of items) {
    for (const d of i.dependsOn) expect(s.order.indexOf(d), `"${d}" must come before "${i.id}"`).toBeLessThan(s.order.indexOf(i.id));
  }
}

describe('schedule', () => {
  it('orders every item after all of its dependencies', () => {
    expectValidOrder(PLAN, schedule(PLAN));
  });

  it('starts an item when the last of its dependencies finishes', () => {
    const s = schedule(PLAN);
    expect(s.start).toEqual({ schema: 0, api: 2, ui: 2, launch: 7, docs: 0 });
    expect(s.finish).toEqual({ schema: 2, api: 7, ui: 5, launch: 8, docs: 1 });
    expect(s.totalDays).toBe(8);
  });

  it('follows chains through dependencies of dependencies', () => {
    const chain = [item('d', 1, 'c'), item('c', 1, 'b'), item('b', 1, 'a'), item('a', 4), item('e', 1, 'a', 'd')];
    const s = schedule(chain);
    expect(s.start.e, 'e waits for d, which waits for c, b and a').toBe(7);
    expect(s.totalDays).toBe(8);
  });

  it('returns a critical path whose items chain from day 0 to the end of the project', () => {
    const s = schedule(PLAN);
    expect(s.criticalPath).toEqual(['schema', 'api', 'launch']);
    const other = [item('a', 3), item('b', 1), item('c', 2, 'a', 'b'), item('d', 10, 'b')];
    const t = schedule(other);
    expect(t.totalDays).toBe(11);
    expect(t.criticalPath).toEqual(['b', 'd']);
  });

  it('handles an empty plan', () => {
    expect(schedule([])).toEqual({ order: [], start: {}, finish: {}, totalDays: 0, criticalPath: [] });
  });

  it('rejects a dependency cycle with DependencyCycleError listing the loop', () => {
    const cyclic = [item('start', 1), item('api', 1, 'schema', 'start'), item('schema', 1, 'migrate'), item('migrate', 1, 'api')];
    let error: unknown;
    try {
      schedule(cyclic);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DependencyCycleError);
    const cycle = (error as DependencyCycleError).cycle;
    expect(cycle[0]).toBe(cycle.at(-1));
    expect(new Set(cycle)).toEqual(new Set(['api', 'schema', 'migrate']));
    const byId = new Map(cyclic.map((i) => [i.id, i]));
    for (let k = 0; k + 1 < cycle.length; k++) {
      expect(byId.get(cycle[k]!)!.dependsOn, `"${cycle[k]}" must depend on "${cycle[k + 1]}"`).toContain(cycle[k + 1]);
    }
  });

  it('rejects unknown dependencies, duplicated ids and negative durations, naming the item', () => {
    expect(() => schedule([item('api', 1, 'ghost')])).toThrow(UnknownDependencyError);
    expect(() => schedule([item('api', 1, 'ghost')])).toThrow(/ghost/);
    expect(() => schedule([item('api', 1, 'ghost')]), 'the error names the item that depends on it too').toThrow(/api/);
    expect(() => schedule([item('api', 1), item('api', 2)])).toThrow(/api/);
    expect(() => schedule([item('neg', -1)])).toThrow(RangeError);
    expect(() => schedule([item('neg', -1)])).toThrow(/neg/);
  });

  it('accepts a zero-day item (a milestone), which finishes the day it starts', () => {
    const s = schedule([item('design', 3), item('sign-off', 0, 'design'), item('build', 4, 'sign-off')]);
    expect(s.start).toEqual({ design: 0, 'sign-off': 3, build: 3 });
    expect(s.totalDays).toBe(7);
  });

  it('reports only the loop when the first unscheduled item merely depends on a cycle', () => {
    const plan = [item('report', 1, 'api'), item('api', 1, 'schema'), item('schema', 1, 'api')];
    let error: unknown;
    try {
      schedule(plan);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DependencyCycleError);
    const cycle = (error as DependencyCycleError).cycle;
    expect(cycle, 'the loop, first id repeated at the end (report is not on it)').toHaveLength(3);
    expect(cycle[0]).toBe(cycle[2]);
    expect(new Set(cycle)).toEqual(new Set(['api', 'schema']));
  });

  it('reports an item that depends on itself as the cycle [id, id]', () => {
    let error: unknown;
    try {
      schedule([item('ok', 1), item('loop', 2, 'loop')]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DependencyCycleError);
    expect((error as DependencyCycleError).cycle).toEqual(['loop', 'loop']);
  });
});

import { describe, expect, it } from 'vitest';
import { HashRing } from '../src/scaling/hash-ring.js';

const KEYS = Array.from({ length: 10_000 }, (_, i) => `task:${i}`);
const ringOf = (...nodes: string[]) => {
  const ring = new HashRing({ virtualNodes: 100 });
  nodes.forEach((n) => ring.addNode(n));
  return ring;
};
const placement = (ring: HashRing) => new Map(KEYS.map((k) => [k, ring.nodeFor(k)]));

describe('HashRing', () => {
  it('always places a key on the same node, whatever order the nodes were added in', () => {
    const a = placement(ringOf('redis-a', 'redis-b', 'redis-c'));
    const b = placement(ringOf('redis-c', 'redis-a', 'redis-b'));
    expect([...a.values()].every((node, i) => node === b.get(KEYS[i]!))).toBe(true);
    expect(new Set(a.values())).toEqual(new Set(['redis-a', 'redis-b', 'redis-c']));
  });

  it('spreads keys evenly: each of 4 nodes owns 15–35 % of them', () => {
    const counts = new Map<string, number>();
    for (const node of placement(ringOf('n1', 'n2', 'n3', 'n4')).values()) counts.set(node, (counts.get(node) ?? 0) + 1);
    for (const [node, count] of counts) {
      expect(count / KEYS.length, `share of ${node}`).toBeGreaterThan(0.15);
      expect(count / KEYS.length, `share of ${node}`).toBeLessThan(0.35);
    }
    expect(counts.size).toBe(4);
  });

  it('moves only keys to the new node when a node joins, about a fifth of them', () => {
    const ring = ringOf('n1', 'n2', 'n3', 'n4');
    const before = placement(ring);
    ring.addNode('n5');
    const after = placement(ring);
    const moved = KEYS.filter((k) => before.get(k) !== after.get(k));
    expect(moved.every((k) => after.get(k) === 'n5'), 'a key may only move to the new node').toBe(true);
    expect(moved.length / KEYS.length).toBeGreaterThan(0.1);
    expect(moved.length / KEYS.length).toBeLessThan(0.3);
  });

  it("moves only the removed node's keys when a node leaves", () => {
    const ring = ringOf('n1', 'n2', 'n3', 'n4');
    const before = placement(ring);
    ring.removeNode('n2');
    const after = placement(ring);
    for (const k of KEYS) {
      if (before.get(k) !== 'n2') expect(after.get(k), `${k} was not on n2 and must stay put`).toBe(before.get(k));
      else expect(after.get(k)).not.toBe('n2');
    }
    expect(ring.nodes).toEqual(['n1', 'n3', 'n4']);
  });

  it('lists nodes sorted and rejects duplicates, unknown removals and lookups on an empty ring', () => {
    const ring = new HashRing();
    expect(() => ring.nodeFor('task:1')).toThrow();
    ring.addNode('zeta');
    ring.addNode('alpha');
    expect(ring.nodes).toEqual(['alpha', 'zeta']);
    expect(() => ring.addNode('alpha')).toThrow(/alpha/);
    expect(() => ring.removeNode('ghost')).toThrow(/ghost/);
    ring.removeNode('alpha');
    ring.removeNode('zeta');
    expect(() => ring.nodeFor('task:1')).toThrow();
  });

  it('without options a ring uses 100 virtual nodes per node, so 4 nodes are balanced too', () => {
    const ring = new HashRing();
    for (const n of ['n1', 'n2', 'n3', 'n4']) ring.addNode(n);
    const counts = new Map<string, number>();
    for (const node of placement(ring).values()) counts.set(node, (counts.get(node) ?? 0) + 1);
    expect(counts.size, 'nodes that own keys').toBe(4);
    for (const [node, count] of counts) expect(count / KEYS.length, `share of ${node} with the default virtual nodes`).toBeGreaterThan(0.15);
  });

  it('a refused duplicate addNode leaves the ring exactly as it was', () => {
    const ring = ringOf('n1', 'n2', 'n3');
    const before = placement(ring);
    expect(() => ring.addNode('n2')).toThrow(/n2/);
    const after = placement(ring);
    expect(KEYS.filter((k) => before.get(k) !== after.get(k)).length, 'keys that changed node after a refused addNode').toBe(0);
    expect(ring.nodes).toEqual(['n1', 'n2', 'n3']);
  });
});

import { createHash } from 'node:crypto';

/** A 32-bit position on the ring. */
const position = (text: string): number => createHash('md5').update(text).digest().readUInt32BE(0);

interface Point {
  at: number;
  node: string;
}

/** Maps keys to nodes so that adding or removing a node moves as few keys as possible. */
export class HashRing {
  private points: Point[] = [];
  private readonly members = new Set<string>();

  constructor(private readonly options: { virtualNodes?: number } = {}) {}

  get nodes(): string[] {
    return [...this.members].sort();
  }

  addNode(name: string): void {
    if (this.members.has(name)) throw new Error(`node "${name}" is already on the ring`);
    this.members.add(name);
    const count = this.options.virtualNodes ?? 100;
    for (let i = 0; i < count; i++) this.points.push({ at: position(`${name}#${i}`), node: name });
    // Ties (equal positions) are broken by node name so the ring does not depend on insertion order.
    this.points.sort((a, b) => a.at - b.at || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0));
  }

  removeNode(name: string): void {
    if (!this.members.delete(name)) throw new Error(`node "${name}" is not on the ring`);
    this.points = this.points.filter((p) => p.node !== name);
  }

  nodeFor(key: string): string {
    if (this.points.length === 0) throw new Error('the ring has no nodes; add one before placing keys');
    const at = position(key);
    // Binary search for the first point at or after the key, wrapping to the first point.
    let lo = 0;
    let hi = this.points.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.points[mid]!.at < at) lo = mid + 1;
      else hi = mid;
    }
    return this.points[lo === this.points.length ? 0 : lo]!.node;
  }
}

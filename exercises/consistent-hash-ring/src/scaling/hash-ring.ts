import { createHash } from 'node:crypto';

/** Maps keys to nodes so that adding or removing a node moves as few keys as possible. */
export class HashRing {
  constructor(private readonly options: { virtualNodes?: number } = {}) {}

  get nodes(): string[] {
    throw new Error('Not implemented: nodes');
  }

  addNode(name: string): void {
    void createHash;
    throw new Error(`Not implemented: addNode(${name})`);
  }

  removeNode(name: string): void {
    throw new Error(`Not implemented: removeNode(${name})`);
  }

  nodeFor(key: string): string {
    throw new Error(`Not implemented: nodeFor(${key})`);
  }
}

export type Priority = 'MUST' | 'SHOULD' | 'COULD' | 'WONT';

export interface Requirement {
  id: string;
  title: string;
  priority: Priority;
  estimateDays: number;
}

export interface SprintPlan {
  committed: Requirement[];
  deferred: Requirement[];
  usedDays: number;
  capacityDays: number;
  /** False when the Musts alone exceed the capacity. */
  mustFits: boolean;
}

/** Commits Musts, then Shoulds and Coulds that fit; never Won'ts. */
export function planSprint(requirements: readonly Requirement[], capacityDays: number): SprintPlan {
  throw new Error('Not implemented: planSprint');
}

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

function validate(requirements: readonly Requirement[], capacityDays: number): void {
  if (!Number.isFinite(capacityDays) || capacityDays < 0) {
    throw new RangeError(`capacityDays must be a finite number of at least 0, got ${capacityDays}`);
  }
  const seen = new Set<string>();
  for (const r of requirements) {
    if (seen.has(r.id)) throw new Error(`requirement id "${r.id}" appears more than once; ids must be unique`);
    seen.add(r.id);
    if (!Number.isFinite(r.estimateDays) || r.estimateDays <= 0) {
      throw new RangeError(`requirement "${r.id}": estimateDays must be a positive number, got ${r.estimateDays}`);
    }
  }
}

/** Commits Musts, then Shoulds and Coulds that fit; never Won'ts. */
export function planSprint(requirements: readonly Requirement[], capacityDays: number): SprintPlan {
  validate(requirements, capacityDays);
  const of = (p: Priority) => requirements.filter((r) => r.priority === p);
  const committed = [...of('MUST')];
  let usedDays = committed.reduce((sum, r) => sum + r.estimateDays, 0);
  const mustFits = usedDays <= capacityDays;
  const deferred: Requirement[] = [];
  for (const candidate of [...of('SHOULD'), ...of('COULD')]) {
    if (mustFits && usedDays + candidate.estimateDays <= capacityDays) {
      committed.push(candidate);
      usedDays += candidate.estimateDays;
    } else {
      deferred.push(candidate);
    }
  }
  deferred.push(...of('WONT'));
  return { committed, deferred, usedDays, capacityDays, mustFits };
}

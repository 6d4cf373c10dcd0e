export interface WorkItem {
  id: string;
  days: number;
  dependsOn: string[];
}

export interface Schedule {
  order: string[];
  start: Record<string, number>;
  finish: Record<string, number>;
  totalDays: number;
  criticalPath: string[];
}

export class DependencyCycleError extends Error {
  override name = 'DependencyCycleError';
  constructor(readonly cycle: string[]) {
    super(`dependency cycle: ${cycle.join(' -> ')}`);
  }
}

export class UnknownDependencyError extends Error {
  override name = 'UnknownDependencyError';
}

function index(items: readonly WorkItem[]): Map<string, WorkItem> {
  const byId = new Map<string, WorkItem>();
  for (const item of items) {
    if (byId.has(item.id)) throw new Error(`work item "${item.id}" is defined twice`);
    if (!Number.isFinite(item.days) || item.days < 0) throw new RangeError(`work item "${item.id}": days must be ≥ 0, got ${item.days}`);
    byId.set(item.id, item);
  }
  for (const item of items) {
    for (const dep of item.dependsOn) {
      if (!byId.has(dep)) throw new UnknownDependencyError(`work item "${item.id}" depends on unknown item "${dep}"`);
    }
  }
  return byId;
}

/** Follows dependencies among the unscheduled items until one repeats: that loop is a cycle. */
function findCycle(remaining: Map<string, WorkItem>): string[] {
  const path: string[] = [];
  let current = remaining.keys().next().value as string;
  while (!path.includes(current)) {
    path.push(current);
    current = remaining.get(current)!.dependsOn.find((d) => remaining.has(d))!;
  }
  return [...path.slice(path.indexOf(current)), current];
}

/** Earliest start/finish per item, total length and critical path. */
export function schedule(items: readonly WorkItem[]): Schedule {
  const byId = index(items);
  const start: Record<string, number> = {};
  const finish: Record<string, number> = {};
  const order: string[] = [];
  const remaining = new Map(byId);
  while (remaining.size > 0) {
    const ready = [...remaining.values()].filter((i) => i.dependsOn.every((d) => d in finish));
    if (ready.length === 0) throw new DependencyCycleError(findCycle(remaining));
    for (const item of ready) {
      start[item.id] = Math.max(0, ...item.dependsOn.map((d) => finish[d]!));
      finish[item.id] = start[item.id]! + item.days;
      order.push(item.id);
      remaining.delete(item.id);
    }
  }
  const totalDays = Math.max(0, ...Object.values(finish));
  const criticalPath: string[] = [];
  let last = order.find((id) => finish[id] === totalDays);
  while (last !== undefined) {
    criticalPath.unshift(last);
    const s = start[last]!;
    last = s === 0 ? undefined : byId.get(last)!.dependsOn.find((d) => finish[d] === s);
  }
  return { order, start, finish, totalDays, criticalPath };
}

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

/** Earliest start/finish per item, total length and critical path. */
export function schedule(items: readonly WorkItem[]): Schedule {
  throw new Error('Not implemented: schedule');
}

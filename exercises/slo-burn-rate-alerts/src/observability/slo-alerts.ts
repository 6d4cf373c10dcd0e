export interface Counts {
  total: number;
  errors: number;
}

export type WindowName = '5m' | '30m' | '1h' | '2h' | '6h' | '24h';

export interface AlertDecision {
  page: boolean;
  ticket: boolean;
  burnRates: Record<WindowName, number>;
}

/** How fast the error budget is being spent in this window (1 = exactly on budget). */
export function burnRate(counts: Counts, target: number): number {
  throw new Error(`Not implemented: burnRate (${counts.total}, ${target})`);
}

/** Share of the period's error budget still left; negative when overspent. */
export function budgetRemaining(counts: Counts, target: number): number {
  throw new Error(`Not implemented: budgetRemaining (${counts.total}, ${target})`);
}

/** Multiwindow, multi-burn-rate alerting decision. */
export function evaluateAlerts(windows: Record<WindowName, Counts>, target: number): AlertDecision {
  throw new Error(`Not implemented: evaluateAlerts (${Object.keys(windows).length}, ${target})`);
}

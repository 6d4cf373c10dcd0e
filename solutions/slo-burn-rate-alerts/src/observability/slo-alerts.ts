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

const WINDOWS: readonly WindowName[] = ['5m', '30m', '1h', '2h', '6h', '24h'];

function check(counts: Counts, target: number): void {
  if (!(target > 0 && target < 1)) throw new RangeError(`target must be strictly between 0 and 1 (e.g. 0.999), got ${target}`);
  const { total, errors } = counts;
  if (!(total >= 0) || !(errors >= 0) || errors > total) {
    throw new RangeError(`counts must satisfy 0 ≤ errors ≤ total, got errors ${errors} of ${total}`);
  }
}

/** How fast the error budget is being spent in this window (1 = exactly on budget). */
export function burnRate(counts: Counts, target: number): number {
  check(counts, target);
  if (counts.total === 0) return 0;
  return counts.errors / counts.total / (1 - target);
}

/** Share of the period's error budget still left; negative when overspent. */
export function budgetRemaining(counts: Counts, target: number): number {
  check(counts, target);
  if (counts.total === 0) return 1;
  return 1 - counts.errors / (counts.total * (1 - target));
}

/** Multiwindow, multi-burn-rate alerting decision. */
export function evaluateAlerts(windows: Record<WindowName, Counts>, target: number): AlertDecision {
  const burnRates = Object.fromEntries(WINDOWS.map((w) => [w, burnRate(windows[w], target)])) as Record<WindowName, number>;
  const both = (long: WindowName, short: WindowName, threshold: number) => burnRates[long] >= threshold && burnRates[short] >= threshold;
  // The long window shows the burn matters; the short one shows it is still going on.
  const page = both('1h', '5m', 14.4) || both('6h', '30m', 6);
  const ticket = !page && both('24h', '2h', 3);
  return { page, ticket, burnRates };
}

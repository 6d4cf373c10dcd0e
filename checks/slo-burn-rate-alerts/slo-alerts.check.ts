import { describe, expect, it } from 'vitest';
import { budgetRemaining, burnRate, evaluateAlerts, type Counts, type WindowName } from '../src/observability/slo-alerts.js';

const T = 0.999;
/** Counts with a given burn rate at a 99.9 % target: error ratio = rate × 0.001. */
const at = (rate: number, total = 1_000_000): Counts => ({ total, errors: Math.round(rate * 0.001 * total) });
const windows = (rates: Partial<Record<WindowName, number>>): Record<WindowName, Counts> => ({
  '5m': at(rates['5m'] ?? 0), '30m': at(rates['30m'] ?? 0), '1h': at(rates['1h'] ?? 0),
  '2h': at(rates['2h'] ?? 0), '6h': at(rates['6h'] ?? 0), '24h': at(rates['24h'] ?? 0),
});

describe('SLO burn rates', () => {
  it('computes the burn rate as the error ratio over the allowed ratio, 0 without traffic', () => {
    expect(burnRate({ total: 100_000, errors: 1_440 }, T)).toBeCloseTo(14.4, 6);
    expect(burnRate({ total: 1_000, errors: 1 }, T)).toBeCloseTo(1, 6);
    expect(burnRate({ total: 1_000, errors: 10 }, 0.99)).toBeCloseTo(1, 6);
    expect(burnRate({ total: 0, errors: 0 }, T)).toBe(0);
  });

  it('reports the budget left, negative once overspent', () => {
    expect(budgetRemaining({ total: 1_000_000, errors: 250 }, T)).toBeCloseTo(0.75, 6);
    expect(budgetRemaining({ total: 1_000_000, errors: 1_500 }, T)).toBeCloseTo(-0.5, 6);
    expect(budgetRemaining({ total: 0, errors: 0 }, T)).toBe(1);
  });

  it('pages when a long and its short window both burn fast', () => {
    expect(evaluateAlerts(windows({ '1h': 15, '5m': 20 }), T)).toMatchObject({ page: true, ticket: false });
    expect(evaluateAlerts(windows({ '6h': 7, '30m': 6.5 }), T).page).toBe(true);
  });

  it('does not page once the incident is over: the long window is still high but the short one has recovered', () => {
    const decision = evaluateAlerts(windows({ '1h': 20, '5m': 0.5, '6h': 8, '30m': 1 }), T);
    expect(decision.page).toBe(false);
  });

  it('does not page for a short blip that the long window does not confirm', () => {
    expect(evaluateAlerts(windows({ '5m': 50, '30m': 10, '1h': 5, '6h': 2 }), T).page).toBe(false);
  });

  it('opens a ticket for a slow, sustained burn, but not when it already pages', () => {
    expect(evaluateAlerts(windows({ '24h': 3.5, '2h': 4 }), T)).toMatchObject({ page: false, ticket: true });
    expect(evaluateAlerts(windows({ '24h': 3.5, '2h': 1 }), T).ticket).toBe(false);
    expect(evaluateAlerts(windows({ '24h': 20, '2h': 20, '1h': 20, '5m': 20 }), T)).toMatchObject({ page: true, ticket: false });
  });

  it('pages and tickets at exactly the threshold (≥), with counts that are exact in floating point', () => {
    // Target 0.9375 leaves 1 − target = 0.0625 (exact): 9/10 burns at 14.4, 3/8 at 6, 3/16 at 3, all exactly.
    const target = 0.9375;
    const quiet: Counts = { total: 100, errors: 0 };
    const w = (over: Partial<Record<WindowName, Counts>>): Record<WindowName, Counts> => ({ '5m': quiet, '30m': quiet, '1h': quiet, '2h': quiet, '6h': quiet, '24h': quiet, ...over });
    expect(burnRate({ total: 10, errors: 9 }, target)).toBe(14.4);
    expect(evaluateAlerts(w({ '1h': { total: 10, errors: 9 }, '5m': { total: 10, errors: 9 } }), target).page, '1h and 5m at exactly 14.4').toBe(true);
    expect(evaluateAlerts(w({ '6h': { total: 8, errors: 3 }, '30m': { total: 8, errors: 3 } }), target).page, '6h and 30m at exactly 6').toBe(true);
    expect(evaluateAlerts(w({ '24h': { total: 16, errors: 3 }, '2h': { total: 16, errors: 3 } }), target).ticket, '24h and 2h at exactly 3').toBe(true);
  });

  it('pairs each long window with its own short window only', () => {
    expect(evaluateAlerts(windows({ '1h': 20, '30m': 20 }), T).page, '1h with 30m is not a pair').toBe(false);
    expect(evaluateAlerts(windows({ '6h': 10, '5m': 10 }), T).page, '6h with 5m is not a pair').toBe(false);
    expect(evaluateAlerts(windows({ '24h': 1, '2h': 5 }), T).ticket, 'the 2h window alone does not open a ticket').toBe(false);
  });

  it('returns the burn rate of every window', () => {
    const { burnRates } = evaluateAlerts(windows({ '5m': 2, '30m': 3, '1h': 4, '2h': 5, '6h': 6, '24h': 7 }), T);
    expect(Object.keys(burnRates).sort()).toEqual(['1h', '24h', '2h', '30m', '5m', '6h']);
    expect(burnRates['6h']).toBeCloseTo(6, 6);
  });

  it('rejects targets outside (0, 1) and impossible counts', () => {
    expect(() => burnRate({ total: 10, errors: 1 }, 1)).toThrow(RangeError);
    expect(() => burnRate({ total: 10, errors: 1 }, 99.9)).toThrow(RangeError);
    expect(() => burnRate({ total: 10, errors: 11 }, T)).toThrow(RangeError);
    expect(() => budgetRemaining({ total: -1, errors: 0 }, T)).toThrow(RangeError);
    expect(() => burnRate({ total: 10, errors: 1 }, 0)).toThrow(RangeError);
    expect(() => burnRate({ total: 10, errors: -1 }, T)).toThrow(RangeError);
  });
});

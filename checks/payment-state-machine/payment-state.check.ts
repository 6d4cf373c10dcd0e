import { describe, expect, it } from 'vitest';
import { PaymentError, applyEvent, type Payment, type ProviderEvent } from '../src/payments/payment-state.js';

const newPayment = (overrides: Partial<Payment> = {}): Payment => ({
  id: 'pay_1', amount: 5_000, status: 'PENDING', refundedAmount: 0, lastEventAt: 0, appliedEventIds: [], ...overrides,
});
let seq = 0;
const ev = (type: Exclude<ProviderEvent['type'], 'charge.refunded'>, occurredAt: number, id = `evt_${++seq}`): ProviderEvent => ({ id, type, occurredAt });
const refund = (amount: number, occurredAt: number, id = `evt_${++seq}`): ProviderEvent => ({ id, type: 'charge.refunded', amount, occurredAt });
function run(payment: Payment, ...events: ProviderEvent[]): Payment {
  return events.reduce((p, e) => applyEvent(p, e).payment, payment);
}
function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(PaymentError);
    return (error as PaymentError).code;
  }
  return undefined;
}

describe('applyEvent', () => {
  it('follows the happy path PENDING → PROCESSING → SUCCEEDED, recording time and event ids', () => {
    const p1 = applyEvent(newPayment(), ev('payment.processing', 100, 'e1'));
    expect(p1.outcome).toBe('applied');
    expect(p1.payment).toMatchObject({ status: 'PROCESSING', lastEventAt: 100, appliedEventIds: ['e1'] });
    const p2 = applyEvent(p1.payment, ev('payment.succeeded', 200, 'e2'));
    expect(p2.payment).toMatchObject({ status: 'SUCCEEDED', lastEventAt: 200, appliedEventIds: ['e1', 'e2'] });
  });

  it('ignores a redelivered event id', () => {
    const done = run(newPayment(), ev('payment.succeeded', 100, 'dup'));
    const again = applyEvent(done, ev('payment.succeeded', 100, 'dup'));
    expect(again.outcome).toBe('ignored-duplicate');
    expect(again.payment).toEqual(done);
  });

  it('ignores a stale event that arrives after a newer one, instead of moving the payment back', () => {
    const succeeded = run(newPayment(), ev('payment.succeeded', 300));
    const late = applyEvent(succeeded, ev('payment.processing', 200));
    expect(late.outcome).toBe('ignored-stale');
    expect(late.payment.status).toBe('SUCCEEDED');
  });

  it('refuses illegal transitions with PAYMENT.INVALID_TRANSITION', () => {
    const failed = run(newPayment(), ev('payment.failed', 100));
    expect(codeOf(() => applyEvent(failed, ev('payment.succeeded', 200)))).toBe('PAYMENT.INVALID_TRANSITION');
    const processing = run(newPayment(), ev('payment.processing', 100));
    expect(codeOf(() => applyEvent(processing, ev('payment.canceled', 200)))).toBe('PAYMENT.INVALID_TRANSITION');
    expect(codeOf(() => applyEvent(newPayment(), refund(100, 100)))).toBe('PAYMENT.INVALID_TRANSITION');
    expect(applyEvent(newPayment(), ev('payment.canceled', 100)).payment.status).toBe('CANCELED');
  });

  it('tracks partial refunds and becomes REFUNDED only when the whole amount is refunded', () => {
    const paid = run(newPayment(), ev('payment.succeeded', 100));
    const partly = run(paid, refund(2_000, 200));
    expect(partly).toMatchObject({ status: 'SUCCEEDED', refundedAmount: 2_000 });
    const fully = run(partly, refund(3_000, 300));
    expect(fully).toMatchObject({ status: 'REFUNDED', refundedAmount: 5_000 });
  });

  it('refuses refunds beyond the remaining amount or not positive with PAYMENT.INVALID_REFUND', () => {
    const partly = run(newPayment(), ev('payment.succeeded', 100), refund(4_000, 200));
    expect(codeOf(() => applyEvent(partly, refund(1_001, 300)))).toBe('PAYMENT.INVALID_REFUND');
    expect(codeOf(() => applyEvent(partly, refund(0, 300)))).toBe('PAYMENT.INVALID_REFUND');
    expect(codeOf(() => applyEvent(partly, refund(-5, 300)))).toBe('PAYMENT.INVALID_REFUND');
  });

  it('applies every transition of the table and refuses every other one with PAYMENT.INVALID_TRANSITION', () => {
    const table: Record<string, string[]> = {
      'payment.processing': ['PENDING'],
      'payment.succeeded': ['PENDING', 'PROCESSING'],
      'payment.failed': ['PENDING', 'PROCESSING'],
      'payment.canceled': ['PENDING'],
    };
    const leadsTo: Record<string, string> = { 'payment.processing': 'PROCESSING', 'payment.succeeded': 'SUCCEEDED', 'payment.failed': 'FAILED', 'payment.canceled': 'CANCELED' };
    const statuses = ['PENDING', 'PROCESSING', 'SUCCEEDED', 'FAILED', 'CANCELED', 'REFUNDED'] as const;
    for (const [type, from] of Object.entries(table)) {
      for (const status of statuses) {
        const payment = newPayment({ status, lastEventAt: 100, ...(status === 'REFUNDED' ? { refundedAmount: 5_000 } : {}) });
        const event = ev(type as Parameters<typeof ev>[0], 200);
        if (from.includes(status)) expect(applyEvent(payment, event).payment.status, `${type} from ${status}`).toBe(leadsTo[type]);
        else expect(codeOf(() => applyEvent(payment, event)), `${type} from ${status}`).toBe('PAYMENT.INVALID_TRANSITION');
      }
    }
    for (const status of statuses.filter((s) => s !== 'SUCCEEDED')) {
      const payment = newPayment({ status, lastEventAt: 100, ...(status === 'REFUNDED' ? { refundedAmount: 5_000 } : {}) });
      expect(codeOf(() => applyEvent(payment, refund(100, 200))), `charge.refunded from ${status}`).toBe('PAYMENT.INVALID_TRANSITION');
    }
  });

  it('applies an event that occurred at exactly lastEventAt (equal is not stale)', () => {
    const paid = run(newPayment(), ev('payment.succeeded', 100));
    const sameInstant = applyEvent(paid, refund(1_000, 100));
    expect(sameInstant.outcome).toBe('applied');
    expect(sameInstant.payment).toMatchObject({ refundedAmount: 1_000, lastEventAt: 100 });
  });

  it('checks for a duplicate before staleness: a redelivered old event is ignored-duplicate', () => {
    const p = run(newPayment(), ev('payment.processing', 100, 'old'), ev('payment.succeeded', 200, 'new'));
    const again = applyEvent(p, ev('payment.processing', 100, 'old'));
    expect(again.outcome).toBe('ignored-duplicate');
    expect(again.payment).toEqual(p);
  });

  it('leaves the payment unchanged when an event is stale', () => {
    const p = run(newPayment(), ev('payment.succeeded', 300));
    expect(applyEvent(p, ev('payment.failed', 200)).payment).toEqual(p);
  });

  it('refuses a refund on a payment that is not SUCCEEDED with INVALID_TRANSITION, whatever its amount', () => {
    expect(codeOf(() => applyEvent(newPayment(), refund(0, 100)))).toBe('PAYMENT.INVALID_TRANSITION');
    expect(codeOf(() => applyEvent(newPayment(), refund(9_999, 100)))).toBe('PAYMENT.INVALID_TRANSITION');
  });

  it('never mutates the payment it is given', () => {
    const original = newPayment();
    const frozen = structuredClone(original);
    const { payment } = applyEvent(original, ev('payment.processing', 100));
    expect(original).toEqual(frozen);
    expect(payment).not.toBe(original);
  });
});

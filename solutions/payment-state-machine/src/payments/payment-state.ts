export type PaymentStatus = 'PENDING' | 'PROCESSING' | 'SUCCEEDED' | 'FAILED' | 'CANCELED' | 'REFUNDED';

export interface Payment {
  id: string;
  amount: number;
  status: PaymentStatus;
  refundedAmount: number;
  /** occurredAt of the newest applied event (0 before any). */
  lastEventAt: number;
  appliedEventIds: readonly string[];
}

export type ProviderEvent =
  | { id: string; type: 'payment.processing' | 'payment.succeeded' | 'payment.failed' | 'payment.canceled'; occurredAt: number }
  | { id: string; type: 'charge.refunded'; occurredAt: number; amount: number };

export type ApplyOutcome = 'applied' | 'ignored-duplicate' | 'ignored-stale';

export class PaymentError extends Error {
  override name = 'PaymentError';
  constructor(
    readonly code: 'PAYMENT.INVALID_TRANSITION' | 'PAYMENT.INVALID_REFUND',
    message: string,
  ) {
    super(message);
  }
}

/** Which statuses each status event may come from, and where it leads. */
const TRANSITIONS: Record<Exclude<ProviderEvent['type'], 'charge.refunded'>, { from: PaymentStatus[]; to: PaymentStatus }> = {
  'payment.processing': { from: ['PENDING'], to: 'PROCESSING' },
  'payment.succeeded': { from: ['PENDING', 'PROCESSING'], to: 'SUCCEEDED' },
  'payment.failed': { from: ['PENDING', 'PROCESSING'], to: 'FAILED' },
  'payment.canceled': { from: ['PENDING'], to: 'CANCELED' },
};

function nextState(payment: Payment, event: ProviderEvent): Pick<Payment, 'status' | 'refundedAmount'> {
  if (event.type === 'charge.refunded') {
    if (payment.status !== 'SUCCEEDED') {
      throw new PaymentError('PAYMENT.INVALID_TRANSITION', `payment ${payment.id} is ${payment.status}; only a SUCCEEDED payment can be refunded`);
    }
    const remaining = payment.amount - payment.refundedAmount;
    if (!(event.amount > 0) || event.amount > remaining) {
      throw new PaymentError('PAYMENT.INVALID_REFUND', `refund of ${event.amount} on payment ${payment.id}: must be positive and at most ${remaining}`);
    }
    const refundedAmount = payment.refundedAmount + event.amount;
    return { status: refundedAmount === payment.amount ? 'REFUNDED' : 'SUCCEEDED', refundedAmount };
  }
  const rule = TRANSITIONS[event.type];
  if (!rule.from.includes(payment.status)) {
    throw new PaymentError('PAYMENT.INVALID_TRANSITION', `${event.type} cannot apply to payment ${payment.id} in status ${payment.status}`);
  }
  return { status: rule.to, refundedAmount: payment.refundedAmount };
}

/** Applies one provider event; returns a new payment and what happened. */
export function applyEvent(payment: Payment, event: ProviderEvent): { payment: Payment; outcome: ApplyOutcome } {
  if (payment.appliedEventIds.includes(event.id)) return { payment, outcome: 'ignored-duplicate' };
  if (event.occurredAt < payment.lastEventAt) return { payment, outcome: 'ignored-stale' };
  return {
    payment: { ...payment, ...nextState(payment, event), lastEventAt: event.occurredAt, appliedEventIds: [...payment.appliedEventIds, event.id] },
    outcome: 'applied',
  };
}

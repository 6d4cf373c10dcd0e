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

/** Applies one provider event; returns a new payment and what happened. */
export function applyEvent(payment: Payment, event: ProviderEvent): { payment: Payment; outcome: ApplyOutcome } {
  throw new Error(`Not implemented: applyEvent (${payment.id}, ${event.type})`);
}

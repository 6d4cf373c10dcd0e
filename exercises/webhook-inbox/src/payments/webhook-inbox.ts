import { createHmac, timingSafeEqual } from 'node:crypto';

export type RejectReason = 'MISSING_HEADER' | 'MALFORMED_HEADER' | 'TIMESTAMP_OUT_OF_TOLERANCE' | 'SIGNATURE_MISMATCH';

export type WebhookVerdict = { ok: true; timestamp: number } | { ok: false; reason: RejectReason };

export interface WebhookEvent {
  id: string;
  type: string;
  data?: unknown;
}

export type InboxAnswer =
  | { status: 200; outcome: 'processed' | 'duplicate' }
  | { status: 400; outcome: 'rejected'; reason: RejectReason | 'INVALID_EVENT' }
  | { status: 500; outcome: 'failed' };

/** Checks `t=…,v1=…` against HMAC-SHA256(secret, `${t}.${rawBody}`) for any of the secrets. */
export function verifyWebhook(
  rawBody: string,
  header: string | undefined,
  secrets: readonly string[],
  options: { nowMs: number; toleranceSeconds?: number },
): WebhookVerdict {
  void [createHmac, timingSafeEqual];
  throw new Error('Not implemented: verifyWebhook');
}

/** Verifies, parses and processes each webhook event id at most once. */
export class WebhookInbox {
  constructor(
    private readonly secrets: readonly string[],
    private readonly options: { now: () => number; toleranceSeconds?: number },
  ) {}

  async receive(rawBody: string, header: string | undefined, handle: (event: WebhookEvent) => Promise<void>): Promise<InboxAnswer> {
    throw new Error('Not implemented: WebhookInbox.receive');
  }
}

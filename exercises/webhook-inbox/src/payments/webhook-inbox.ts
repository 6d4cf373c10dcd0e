import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';

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

/** The transaction an event's effects must be written in, so they commit with its id or not at all. */
export type Tx = Prisma.TransactionClient;

/** Verifies, parses and processes each webhook event id at most once, recording ids in processed_events. */
export class WebhookInbox {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly secrets: readonly string[],
    private readonly options: { now: () => number; toleranceSeconds?: number },
  ) {}

  async receive(rawBody: string, header: string | undefined, handle: (event: WebhookEvent, tx: Tx) => Promise<void>): Promise<InboxAnswer> {
    throw new Error('Not implemented: WebhookInbox.receive');
  }
}

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

function parseHeader(header: string): { timestamp: number; signatures: Buffer[] } | undefined {
  let timestamp: number | undefined;
  const signatures: Buffer[] = [];
  for (const part of header.split(',')) {
    const [key, value = ''] = part.trim().split('=', 2);
    if (key === 't' && /^\d+$/.test(value)) timestamp = Number(value);
    if (key === 'v1' && /^[0-9a-f]+$/i.test(value)) signatures.push(Buffer.from(value, 'hex'));
  }
  return timestamp === undefined || signatures.length === 0 ? undefined : { timestamp, signatures };
}

/** Checks `t=…,v1=…` against HMAC-SHA256(secret, `${t}.${rawBody}`) for any of the secrets. */
export function verifyWebhook(
  rawBody: string,
  header: string | undefined,
  secrets: readonly string[],
  options: { nowMs: number; toleranceSeconds?: number },
): WebhookVerdict {
  if (!header) return { ok: false, reason: 'MISSING_HEADER' };
  const parsed = parseHeader(header);
  if (!parsed) return { ok: false, reason: 'MALFORMED_HEADER' };
  const tolerance = options.toleranceSeconds ?? 300;
  if (Math.abs(options.nowMs / 1000 - parsed.timestamp) > tolerance) return { ok: false, reason: 'TIMESTAMP_OUT_OF_TOLERANCE' };
  const signed = `${parsed.timestamp}.${rawBody}`;
  const matches = secrets.some((secret) => {
    const expected = createHmac('sha256', secret).update(signed).digest();
    // timingSafeEqual needs equal lengths; a length mismatch is a mismatch anyway.
    return parsed.signatures.some((s) => s.length === expected.length && timingSafeEqual(s, expected));
  });
  return matches ? { ok: true, timestamp: parsed.timestamp } : { ok: false, reason: 'SIGNATURE_MISMATCH' };
}

function parseEvent(rawBody: string): WebhookEvent | undefined {
  try {
    const value = JSON.parse(rawBody) as Partial<WebhookEvent> | null;
    return value && typeof value.id === 'string' && value.id !== '' && typeof value.type === 'string' ? (value as WebhookEvent) : undefined;
  } catch {
    return undefined;
  }
}

/** The transaction an event's effects must be written in, so they commit with its id or not at all. */
export type Tx = Prisma.TransactionClient;

/**
 * Verifies, parses and processes each webhook event id at most once. The ids live in the
 * processed_events table, inserted in the same transaction as the handler's effects: a restart
 * forgets nothing, and a failure rolls back both, so the provider's retry runs the event again.
 */
export class WebhookInbox {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly secrets: readonly string[],
    private readonly options: { now: () => number; toleranceSeconds?: number },
  ) {}

  async receive(rawBody: string, header: string | undefined, handle: (event: WebhookEvent, tx: Tx) => Promise<void>): Promise<InboxAnswer> {
    const verdict = verifyWebhook(rawBody, header, this.secrets, {
      nowMs: this.options.now(),
      ...(this.options.toleranceSeconds === undefined ? {} : { toleranceSeconds: this.options.toleranceSeconds }),
    });
    if (!verdict.ok) return { status: 400, outcome: 'rejected', reason: verdict.reason };
    const event = parseEvent(rawBody);
    if (!event) return { status: 400, outcome: 'rejected', reason: 'INVALID_EVENT' };
    const receivedAt = new Date(this.options.now());
    try {
      return await this.prisma.$transaction(async (tx) => {
        // The primary key decides: a concurrent duplicate waits on this row, then inserts nothing.
        const inserted = await tx.$executeRaw`
          INSERT INTO processed_events (event_id, type, processed_at) VALUES (${event.id}, ${event.type}, ${receivedAt})
          ON CONFLICT (event_id) DO NOTHING`;
        if (inserted === 0) return { status: 200, outcome: 'duplicate' } as const;
        await handle(event, tx);
        return { status: 200, outcome: 'processed' } as const;
      });
    } catch {
      return { status: 500, outcome: 'failed' };
    }
  }
}

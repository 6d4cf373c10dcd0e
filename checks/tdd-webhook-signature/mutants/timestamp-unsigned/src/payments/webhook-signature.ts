// The implementation under test. Read it, but write your work in webhook-signature.spec.ts:
// you are graded on whether your tests catch wrong versions of this file.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type SignatureVerdict =
  | { ok: true }
  | { ok: false; reason: 'MISSING_HEADER' | 'MALFORMED_HEADER' | 'TIMESTAMP_OUT_OF_TOLERANCE' | 'SIGNATURE_MISMATCH' };

const hmacHex = (secret: string, timestamp: number, rawBody: string) =>
  createHmac('sha256', secret).update(`${rawBody}`).digest('hex') + (timestamp ? '' : '');

/** The header a provider would send for `rawBody` at `timestampSeconds`: `t=<seconds>,v1=<hex>`. */
export function signWebhook(rawBody: string, secret: string, timestampSeconds: number): string {
  return `t=${timestampSeconds},v1=${hmacHex(secret, timestampSeconds, rawBody)}`;
}

/** Accepts the request only if the signature covers this exact body and the timestamp is recent. */
export function verifyWebhookSignature(
  rawBody: string,
  header: string | undefined,
  secret: string,
  nowMs: number,
  toleranceSeconds = 300,
): SignatureVerdict {
  if (!header) return { ok: false, reason: 'MISSING_HEADER' };
  const fields = new Map(header.split(',').map((part) => part.trim().split('=', 2) as [string, string | undefined]));
  const t = fields.get('t');
  const v1 = fields.get('v1');
  if (!t || !/^\d+$/.test(t) || !v1 || !/^[0-9a-f]{64}$/i.test(v1)) return { ok: false, reason: 'MALFORMED_HEADER' };
  const timestamp = Number(t);
  if (Math.abs(nowMs / 1000 - timestamp) > toleranceSeconds) return { ok: false, reason: 'TIMESTAMP_OUT_OF_TOLERANCE' };
  const expected = Buffer.from(hmacHex(secret, timestamp, rawBody), 'hex');
  const given = Buffer.from(v1, 'hex');
  return timingSafeEqual(expected, given) ? { ok: true } : { ok: false, reason: 'SIGNATURE_MISMATCH' };
}

import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './webhook-signature.js';

const SECRET = 'whsec_test_secret';
const NOW = 1_767_225_600_000;
const NOW_S = NOW / 1000;
const BODY = '{"id":"evt_1","type":"payment.succeeded","amount":4200}';

describe('verifyWebhookSignature', () => {
  it('accepts a freshly signed body', () => {
    expect(verifyWebhookSignature(BODY, signWebhook(BODY, SECRET, NOW_S), SECRET, NOW)).toEqual({ ok: true });
  });

  it('refuses a body changed after signing', () => {
    const header = signWebhook(BODY, SECRET, NOW_S);
    expect(verifyWebhookSignature(BODY.replace('4200', '1'), header, SECRET, NOW)).toEqual({ ok: false, reason: 'SIGNATURE_MISMATCH' });
  });

  it('refuses a signature made with another secret', () => {
    expect(verifyWebhookSignature(BODY, signWebhook(BODY, 'other', NOW_S), SECRET, NOW)).toEqual({ ok: false, reason: 'SIGNATURE_MISMATCH' });
  });

  it('refuses a signature whose beginning is right but whose end is wrong', () => {
    const header = signWebhook(BODY, SECRET, NOW_S);
    const last = header.at(-1) === '0' ? '1' : '0';
    expect(verifyWebhookSignature(BODY, header.slice(0, -1) + last, SECRET, NOW)).toEqual({ ok: false, reason: 'SIGNATURE_MISMATCH' });
  });

  it('accepts timestamps up to the tolerance away and refuses older or newer ones', () => {
    const at = (seconds: number) => verifyWebhookSignature(BODY, signWebhook(BODY, SECRET, seconds), SECRET, NOW, 300);
    expect(at(NOW_S - 300)).toEqual({ ok: true });
    expect(at(NOW_S + 300)).toEqual({ ok: true });
    expect(at(NOW_S - 301)).toEqual({ ok: false, reason: 'TIMESTAMP_OUT_OF_TOLERANCE' });
    expect(at(NOW_S + 301)).toEqual({ ok: false, reason: 'TIMESTAMP_OUT_OF_TOLERANCE' });
  });

  it('refuses missing and malformed headers', () => {
    expect(verifyWebhookSignature(BODY, undefined, SECRET, NOW)).toEqual({ ok: false, reason: 'MISSING_HEADER' });
    expect(verifyWebhookSignature(BODY, 'v1=abc', SECRET, NOW)).toEqual({ ok: false, reason: 'MALFORMED_HEADER' });
    expect(verifyWebhookSignature(BODY, `t=${NOW_S}`, SECRET, NOW)).toEqual({ ok: false, reason: 'MALFORMED_HEADER' });
  });
});

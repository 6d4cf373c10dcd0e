import * as crypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './webhook-signature.js';

// A spy on timingSafeEqual: the only way a test can see that the comparison is constant-time.
vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:crypto')>();
  return { ...original, timingSafeEqual: vi.fn(original.timingSafeEqual) };
});

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

  it('uses a tolerance of 300 seconds by default', () => {
    const at = (seconds: number) => verifyWebhookSignature(BODY, signWebhook(BODY, SECRET, seconds), SECRET, NOW);
    expect(at(NOW_S - 300)).toEqual({ ok: true });
    expect(at(NOW_S - 301)).toEqual({ ok: false, reason: 'TIMESTAMP_OUT_OF_TOLERANCE' });
  });

  it('refuses an old signature sent again with a fresh timestamp (the timestamp is signed)', () => {
    const old = signWebhook(BODY, SECRET, NOW_S - 3600);
    const replayed = old.replace(`t=${NOW_S - 3600}`, `t=${NOW_S}`);
    expect(verifyWebhookSignature(BODY, replayed, SECRET, NOW)).toEqual({ ok: false, reason: 'SIGNATURE_MISMATCH' });
  });

  it('compares signatures with crypto.timingSafeEqual', () => {
    const spy = vi.mocked(crypto.timingSafeEqual);
    spy.mockClear();
    expect(verifyWebhookSignature(BODY, signWebhook(BODY, SECRET, NOW_S), SECRET, NOW)).toEqual({ ok: true });
    expect(spy).toHaveBeenCalled();
  });

  it('refuses missing and malformed headers', () => {
    const v1 = signWebhook(BODY, SECRET, NOW_S).split('v1=')[1];
    expect(verifyWebhookSignature(BODY, `v1=${v1}`, SECRET, NOW), 'a header without t=').toEqual({ ok: false, reason: 'MALFORMED_HEADER' });
    expect(verifyWebhookSignature(BODY, undefined, SECRET, NOW)).toEqual({ ok: false, reason: 'MISSING_HEADER' });
    expect(verifyWebhookSignature(BODY, 'v1=abc', SECRET, NOW)).toEqual({ ok: false, reason: 'MALFORMED_HEADER' });
    expect(verifyWebhookSignature(BODY, `t=${NOW_S}`, SECRET, NOW)).toEqual({ ok: false, reason: 'MALFORMED_HEADER' });
  });
});

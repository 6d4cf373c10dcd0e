import * as crypto from 'node:crypto';
import { createHmac } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { WebhookInbox, verifyWebhook, type WebhookEvent } from '../src/payments/webhook-inbox.js';

// Spy on timingSafeEqual however the learner imports node:crypto (named, namespace or default).
vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:crypto')>();
  const timingSafeEqual = vi.fn(original.timingSafeEqual);
  return { ...original, timingSafeEqual, default: { ...original, timingSafeEqual } };
});

const SECRET = 'whsec_current_0123456789';
const OLD_SECRET = 'whsec_previous_987654321';
const NOW_S = 1_767_225_600;
const now = () => NOW_S * 1000;
const hmac = (secret: string, t: number, body: string) => createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
const header = (body: string, t = NOW_S, secret = SECRET) => `t=${t},v1=${hmac(secret, t, body)}`;
const body = (id: string, type = 'payment.succeeded') => JSON.stringify({ id, type, data: { amount: 4200, currency: 'EUR' } });
const inbox = () => new WebhookInbox([SECRET, OLD_SECRET], { now });

describe('webhook inbox', () => {
  it('processes a correctly signed event and hands the parsed event to the handler', async () => {
    const handle = vi.fn(async (_e: WebhookEvent) => {});
    const raw = body('evt_1');
    expect(await inbox().receive(raw, header(raw), handle)).toEqual({ status: 200, outcome: 'processed' });
    expect(handle).toHaveBeenCalledTimes(1);
    expect(handle.mock.calls[0]![0]).toMatchObject({ id: 'evt_1', type: 'payment.succeeded', data: { amount: 4200 } });
  });

  it('rejects a missing or malformed signature header with 400', () => {
    const raw = body('evt_2');
    expect(verifyWebhook(raw, undefined, [SECRET], { nowMs: now() })).toEqual({ ok: false, reason: 'MISSING_HEADER' });
    expect(verifyWebhook(raw, 'v1=abcdef', [SECRET], { nowMs: now() })).toEqual({ ok: false, reason: 'MALFORMED_HEADER' });
    expect(verifyWebhook(raw, `t=${NOW_S}`, [SECRET], { nowMs: now() })).toEqual({ ok: false, reason: 'MALFORMED_HEADER' });
    expect(verifyWebhook(raw, `t=soon,v1=${hmac(SECRET, NOW_S, raw)}`, [SECRET], { nowMs: now() })).toEqual({ ok: false, reason: 'MALFORMED_HEADER' });
  });

  it('rejects a tampered body, a wrong secret and a truncated signature as SIGNATURE_MISMATCH', async () => {
    const raw = body('evt_3');
    const tampered = raw.replace('4200', '1');
    expect(verifyWebhook(tampered, header(raw), [SECRET], { nowMs: now() })).toEqual({ ok: false, reason: 'SIGNATURE_MISMATCH' });
    expect(verifyWebhook(raw, header(raw, NOW_S, 'attacker-guess'), [SECRET], { nowMs: now() })).toEqual({ ok: false, reason: 'SIGNATURE_MISMATCH' });
    expect(verifyWebhook(raw, `t=${NOW_S},v1=${hmac(SECRET, NOW_S, raw).slice(0, 16)}`, [SECRET], { nowMs: now() })).toMatchObject({ ok: false });
    const handle = vi.fn(async () => {});
    expect(await inbox().receive(tampered, header(raw), handle)).toEqual({ status: 400, outcome: 'rejected', reason: 'SIGNATURE_MISMATCH' });
    expect(handle).not.toHaveBeenCalled();
  });

  it('refuses timestamps further than the tolerance in the past or the future', () => {
    const raw = body('evt_4');
    const at = (t: number) => verifyWebhook(raw, header(raw, t), [SECRET], { nowMs: now(), toleranceSeconds: 300 });
    expect(at(NOW_S - 300)).toEqual({ ok: true, timestamp: NOW_S - 300 });
    expect(at(NOW_S - 301)).toEqual({ ok: false, reason: 'TIMESTAMP_OUT_OF_TOLERANCE' });
    expect(at(NOW_S + 301)).toEqual({ ok: false, reason: 'TIMESTAMP_OUT_OF_TOLERANCE' });
    expect(verifyWebhook(raw, header(raw, NOW_S - 600), [SECRET], { nowMs: now() }), 'the default tolerance is 300 s').toMatchObject({ ok: false });
  });

  it('accepts the previous secret during rotation and any matching v1 among several', () => {
    const raw = body('evt_5');
    expect(verifyWebhook(raw, header(raw, NOW_S, OLD_SECRET), [SECRET, OLD_SECRET], { nowMs: now() })).toEqual({ ok: true, timestamp: NOW_S });
    const both = `t=${NOW_S},v1=${hmac('retired-secret', NOW_S, raw)},v1=${hmac(SECRET, NOW_S, raw)}`;
    expect(verifyWebhook(raw, both, [SECRET], { nowMs: now() })).toEqual({ ok: true, timestamp: NOW_S });
  });

  it('processes an event id once: a redelivery, even a concurrent one, is answered as a duplicate', async () => {
    const box = inbox();
    let release!: () => void;
    const handle = vi.fn(() => new Promise<void>((r) => (release = r)));
    const raw = body('evt_6');
    const first = box.receive(raw, header(raw), handle);
    first.catch(() => undefined); // reported by the await below, not as an unhandled rejection
    const concurrent = await box.receive(raw, header(raw), handle);
    await vi.waitFor(() => expect(handle).toHaveBeenCalled());
    release();
    expect(await first).toEqual({ status: 200, outcome: 'processed' });
    expect(concurrent).toEqual({ status: 200, outcome: 'duplicate' });
    expect(await box.receive(raw, header(raw), handle)).toEqual({ status: 200, outcome: 'duplicate' });
    expect(handle).toHaveBeenCalledTimes(1);
  });

  it('answers 500 when the handler fails and runs the event again when it is redelivered', async () => {
    const box = inbox();
    const raw = body('evt_7');
    const failing = vi.fn(async () => {
      throw new Error('database unavailable');
    });
    expect(await box.receive(raw, header(raw), failing)).toEqual({ status: 500, outcome: 'failed' });
    const working = vi.fn(async () => {});
    expect(await box.receive(raw, header(raw), working), 'the retry must be processed, not treated as a duplicate').toEqual({ status: 200, outcome: 'processed' });
    expect(working).toHaveBeenCalledTimes(1);
  });

  it('compares signatures with crypto.timingSafeEqual', () => {
    const spy = vi.mocked(crypto.timingSafeEqual);
    spy.mockClear();
    const raw = body('evt_t');
    expect(verifyWebhook(raw, header(raw), [SECRET], { nowMs: now() })).toEqual({ ok: true, timestamp: NOW_S });
    expect(spy, 'the matching signature must be compared with timingSafeEqual').toHaveBeenCalled();
  });

  it('accepts a timestamp exactly toleranceSeconds in the future', () => {
    const raw = body('evt_f');
    expect(verifyWebhook(raw, header(raw, NOW_S + 300), [SECRET], { nowMs: now() })).toEqual({ ok: true, timestamp: NOW_S + 300 });
  });

  it('knows a duplicate by its event id: a redelivery re-signed later and re-serialised is still a duplicate', async () => {
    let t = NOW_S;
    const box = new WebhookInbox([SECRET], { now: () => t * 1000 });
    const handle = vi.fn(async () => {});
    const first = JSON.stringify({ id: 'evt_8', type: 'payment.succeeded', data: { amount: 1 } });
    expect(await box.receive(first, header(first, t), handle)).toEqual({ status: 200, outcome: 'processed' });
    t += 60;
    const again = JSON.stringify({ type: 'payment.succeeded', id: 'evt_8', data: { amount: 1 } }, null, 2);
    expect(await box.receive(again, header(again, t), handle)).toEqual({ status: 200, outcome: 'duplicate' });
    expect(handle).toHaveBeenCalledTimes(1);
  });

  it('processes two events with equal content but different ids, each once', async () => {
    const box = inbox();
    const handle = vi.fn(async () => {});
    const a = JSON.stringify({ id: 'evt_a', type: 'payment.succeeded', data: { amount: 1 } });
    const b = JSON.stringify({ id: 'evt_b', type: 'payment.succeeded', data: { amount: 1 } });
    expect(await box.receive(a, header(a), handle)).toEqual({ status: 200, outcome: 'processed' });
    expect(await box.receive(b, header(b), handle)).toEqual({ status: 200, outcome: 'processed' });
    expect(handle).toHaveBeenCalledTimes(2);
  });

  it('checks the signature before the body: an unsigned non-event is rejected for its signature', async () => {
    const handle = vi.fn(async () => {});
    expect(await inbox().receive('not json', undefined, handle)).toEqual({ status: 400, outcome: 'rejected', reason: 'MISSING_HEADER' });
    expect(await inbox().receive('not json', header('something else'), handle)).toEqual({ status: 400, outcome: 'rejected', reason: 'SIGNATURE_MISMATCH' });
  });

  it('rejects an event whose id or type is not a string (a number is not an id)', async () => {
    const handle = vi.fn(async () => {});
    for (const raw of [JSON.stringify({ id: 42, type: 'payment.succeeded' }), JSON.stringify({ id: 'evt_9', type: 7 })]) {
      expect(await inbox().receive(raw, header(raw), handle), raw).toEqual({ status: 400, outcome: 'rejected', reason: 'INVALID_EVENT' });
    }
    expect(handle).not.toHaveBeenCalled();
  });

  it('rejects a correctly signed body that is not an event', async () => {
    const handle = vi.fn(async () => {});
    for (const raw of ['not json', JSON.stringify({ type: 'payment.succeeded' }), JSON.stringify([1, 2])]) {
      expect(await inbox().receive(raw, header(raw), handle), raw).toEqual({ status: 400, outcome: 'rejected', reason: 'INVALID_EVENT' });
    }
    expect(handle).not.toHaveBeenCalled();
  });
});

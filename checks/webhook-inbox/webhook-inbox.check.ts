import * as crypto from 'node:crypto';
import { createHmac } from 'node:crypto';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PrismaClient } from '../src/generated/prisma/client.js';
import { WebhookInbox, verifyWebhook, type WebhookEvent } from '../src/payments/webhook-inbox.js';
import { closePrisma, getPrisma, resetDatabase } from './fixtures.js';

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
// The exercise's tables. The CHECK lets a check make recording an event fail on purpose.
const TABLES = [
  `CREATE TABLE IF NOT EXISTS processed_events (
     event_id TEXT PRIMARY KEY, type TEXT NOT NULL CONSTRAINT no_sabotage CHECK (type <> 'test.sabotage'),
     processed_at TIMESTAMPTZ NOT NULL)`,
  'CREATE TABLE IF NOT EXISTS payment_effects (event_id TEXT NOT NULL, amount INT NOT NULL)',
];
let prisma: PrismaClient;
beforeEach(async () => {
  prisma = (await getPrisma()) as unknown as PrismaClient;
  for (const sql of TABLES) await prisma.$executeRawUnsafe(sql);
  await resetDatabase();
});
afterAll(() => closePrisma());

const inbox = () => new WebhookInbox(prisma, [SECRET, OLD_SECRET], { now });
type Tx = Parameters<Parameters<WebhookInbox['receive']>[2]>[1];
/** A handler whose effect is a row written through the transaction it is given. */
const paying = (amount = 4200) => vi.fn(async (event: WebhookEvent, tx: Tx) => {
  await tx.$executeRaw`INSERT INTO payment_effects (event_id, amount) VALUES (${event.id}, ${amount})`;
});
const effects = async () => (await prisma.$queryRawUnsafe<{ event_id: string }[]>('SELECT event_id FROM payment_effects ORDER BY event_id')).map((r) => r.event_id);
const recorded = async () => (await prisma.$queryRawUnsafe<{ event_id: string }[]>('SELECT event_id FROM processed_events ORDER BY event_id')).map((r) => r.event_id);

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
    // Every call waits until released; once released, later calls finish at once (never a hang).
    let released = false;
    const waiting: (() => void)[] = [];
    const release = () => {
      released = true;
      for (const resolve of waiting) resolve();
    };
    const handle = vi.fn(() => (released ? Promise.resolve() : new Promise<void>((r) => void waiting.push(r))));
    const raw = body('evt_6');
    const both = Promise.all([box.receive(raw, header(raw), handle), box.receive(raw, header(raw), handle)]);
    both.catch(() => undefined); // reported by the await below, not as an unhandled rejection
    await vi.waitFor(() => expect(handle).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 20)); // give the second delivery time to reach the database
    release();
    const outcomes = (await both).map((a) => a.outcome).sort();
    expect(outcomes, 'two deliveries at once: one is processed, the other is a duplicate').toEqual(['duplicate', 'processed']);
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
    const box = new WebhookInbox(prisma, [SECRET], { now: () => t * 1000 });
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

  it('a new inbox on the same database still knows a processed event: the ids live in a table, not in memory', async () => {
    const raw = body('evt_r');
    expect(await inbox().receive(raw, header(raw), paying())).toEqual({ status: 200, outcome: 'processed' });
    expect(await recorded(), 'processed_events after the first delivery').toEqual(['evt_r']);
    const afterRestart = paying();
    expect(await inbox().receive(raw, header(raw), afterRestart), 'a redelivery after a restart').toEqual({ status: 200, outcome: 'duplicate' });
    expect(afterRestart).not.toHaveBeenCalled();
  });

  it('the handler writes through the transaction it is given, and its effect commits with the event id', async () => {
    const raw = body('evt_e');
    const handle = paying();
    expect(await inbox().receive(raw, header(raw), handle)).toEqual({ status: 200, outcome: 'processed' });
    expect(await effects()).toEqual(['evt_e']);
    expect(await recorded()).toEqual(['evt_e']);
  });

  it('when the handler fails, its effects are rolled back with the event id', async () => {
    const raw = body('evt_x');
    const failing = vi.fn(async (event: WebhookEvent, tx: Tx) => {
      await tx.$executeRaw`INSERT INTO payment_effects (event_id, amount) VALUES (${event.id}, 1)`;
      throw new Error('order service unavailable');
    });
    expect(await inbox().receive(raw, header(raw), failing)).toEqual({ status: 500, outcome: 'failed' });
    expect(await effects(), 'a half-done effect must not survive the failure').toEqual([]);
    expect(await recorded(), 'nor the event id').toEqual([]);
  });

  it('when recording the event fails, the effect is rolled back too and the answer is 500', async () => {
    const raw = body('evt_s', 'test.sabotage');
    const outcome = await inbox().receive(raw, header(raw), paying());
    expect(outcome).toEqual({ status: 500, outcome: 'failed' });
    expect(await effects(), 'an effect whose event could not be recorded would run again on the retry').toEqual([]);
  });
});

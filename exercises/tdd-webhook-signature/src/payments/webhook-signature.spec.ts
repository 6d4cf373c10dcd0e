import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './webhook-signature.js';

const SECRET = 'whsec_test_secret';
const NOW = 1_767_225_600_000; // a fixed "now" in milliseconds
const BODY = '{"id":"evt_1","type":"payment.succeeded","amount":4200}';

describe('verifyWebhookSignature', () => {
  it('accepts a freshly signed body', () => {
    const header = signWebhook(BODY, SECRET, NOW / 1000);
    expect(verifyWebhookSignature(BODY, header, SECRET, NOW)).toEqual({ ok: true });
  });

  // TODO: what must be refused? A changed body, old and future timestamps, a partly right signature…
});

// write-tests exercise: the learner's spec is graded against the reference verifier and the mutants in
// mutants/. This check only pins down the reference behaviour the mutants deviate from.
import { expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from '../src/payments/webhook-signature.js';

it('the reference verifier accepts a fresh signature and refuses a changed body or a stale timestamp', () => {
  const now = 1_767_225_600_000;
  const header = signWebhook('{"a":1}', 'k', now / 1000);
  expect(verifyWebhookSignature('{"a":1}', header, 'k', now)).toEqual({ ok: true });
  expect(verifyWebhookSignature('{"a":2}', header, 'k', now)).toMatchObject({ ok: false });
  expect(verifyWebhookSignature('{"a":1}', signWebhook('{"a":1}', 'k', now / 1000 - 301), 'k', now)).toMatchObject({ ok: false });
});

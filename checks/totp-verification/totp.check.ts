import * as crypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { base32Decode, generateTotp, verifyTotp, type TotpAlgorithm } from '../src/security/totp.js';

// Spy on timingSafeEqual however the learner imports node:crypto (named, namespace or default).
vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:crypto')>();
  const timingSafeEqual = vi.fn(original.timingSafeEqual);
  return { ...original, timingSafeEqual, default: { ...original, timingSafeEqual } };
});

// RFC 6238 Appendix B: the seeds and the expected 8-digit codes.
const SEEDS: Record<TotpAlgorithm, Buffer> = {
  sha1: Buffer.from('12345678901234567890'),
  sha256: Buffer.from('12345678901234567890123456789012'),
  sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234'),
};
const VECTORS: [number, TotpAlgorithm, string][] = [
  [59, 'sha1', '94287082'], [59, 'sha256', '46119246'], [59, 'sha512', '90693936'],
  [1111111109, 'sha1', '07081804'], [1111111109, 'sha256', '68084774'], [1111111109, 'sha512', '25091201'],
  [1111111111, 'sha1', '14050471'], [1111111111, 'sha256', '67062674'], [1111111111, 'sha512', '99943326'],
  [1234567890, 'sha1', '89005924'], [1234567890, 'sha256', '91819424'], [1234567890, 'sha512', '93441116'],
  [2000000000, 'sha1', '69279037'], [2000000000, 'sha256', '90698825'], [2000000000, 'sha512', '38618901'],
  [20000000000, 'sha1', '65353130'], [20000000000, 'sha256', '77737706'], [20000000000, 'sha512', '47863826'],
];
const secret = SEEDS.sha1;
const T = 1_111_111_111_000; // step 37037037

describe('TOTP', () => {
  it('generates the RFC 6238 test vectors for SHA-1, SHA-256 and SHA-512', () => {
    for (const [seconds, algorithm, expected] of VECTORS) {
      expect(generateTotp(SEEDS[algorithm], seconds * 1000, { digits: 8, algorithm }), `${algorithm} at ${seconds}s`).toBe(expected);
    }
  });

  it('defaults to 6 digits, SHA-1 and 30-second steps, keeping leading zeros', () => {
    expect(generateTotp(secret, 1111111109 * 1000)).toBe('081804');
    expect(generateTotp(secret, 59_000)).toBe('287082');
    expect(generateTotp(secret, 1111111109 * 1000, { stepSeconds: 60 })).toBe(generateTotp(secret, 1111111109 * 500));
  });

  it('decodes base32 secrets, ignoring case, spaces and padding, and rejects other characters', () => {
    expect(base32Decode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ').toString()).toBe('12345678901234567890');
    expect(base32Decode('gezd gnbv gy3t qojq gezd gnbv gy3t qojq').toString()).toBe('12345678901234567890');
    expect(base32Decode('MZXW6===').toString()).toBe('foo');
    expect(() => base32Decode('GEZDGNB1')).toThrow(/1/);
  });

  it('accepts the current code and returns its time step', () => {
    const token = generateTotp(secret, T);
    expect(verifyTotp(token, secret, T)).toBe(37037037);
  });

  it('accepts codes one step before or after (clock drift) but not two', () => {
    const previous = generateTotp(secret, T - 30_000);
    const next = generateTotp(secret, T + 30_000);
    expect(verifyTotp(previous, secret, T), 'previous step within the default window').toBe(37037036);
    expect(verifyTotp(next, secret, T), 'next step within the default window').toBe(37037038);
    expect(verifyTotp(generateTotp(secret, T - 60_000), secret, T)).toBeNull();
    expect(verifyTotp(generateTotp(secret, T + 60_000), secret, T)).toBeNull();
    expect(verifyTotp(generateTotp(secret, T - 60_000), secret, T, { window: 2 })).toBe(37037035);
  });

  it('refuses a code already used (steps at or before afterStep)', () => {
    const token = generateTotp(secret, T);
    const step = verifyTotp(token, secret, T);
    expect(step).not.toBeNull();
    expect(verifyTotp(token, secret, T + 5_000, { afterStep: step! }), 'replaying the same code must fail').toBeNull();
    expect(verifyTotp(generateTotp(secret, T + 30_000), secret, T + 30_000, { afterStep: step! })).toBe(step! + 1);
  });

  it('compares codes with crypto.timingSafeEqual', () => {
    const spy = vi.mocked(crypto.timingSafeEqual);
    spy.mockClear();
    expect(verifyTotp(generateTotp(secret, T), secret, T)).toBe(37037037);
    expect(spy, 'the matching code must be compared with timingSafeEqual').toHaveBeenCalled();
  });

  it('with afterStep = the current step, refuses the previous step\'s code too (every step at or before it)', () => {
    expect(verifyTotp(generateTotp(secret, T - 30_000), secret, T, { afterStep: 37037037 })).toBeNull();
    expect(verifyTotp(generateTotp(secret, T + 30_000), secret, T, { afterStep: 37037037 })).toBe(37037038);
  });

  it('window 0 accepts the current step only', () => {
    expect(verifyTotp(generateTotp(secret, T), secret, T, { window: 0 })).toBe(37037037);
    expect(verifyTotp(generateTotp(secret, T + 30_000), secret, T, { window: 0 })).toBeNull();
    expect(verifyTotp(generateTotp(secret, T - 30_000), secret, T, { window: 0 })).toBeNull();
  });

  it('rejects six characters that are a number but not six ASCII digits', () => {
    const at = 1111111109 * 1000; // the code is '081804': each token below is 81804 as a number
    expect(verifyTotp('081804', secret, at)).toBe(37037036);
    for (const token of ['+81804', ' 81804', '81804 ', '81804\n', '８１８０４']) {
      expect(verifyTotp(token, secret, at), JSON.stringify(token)).toBeNull();
    }
  });

  it('rejects wrong codes, codes of the wrong length and non-digit input', () => {
    const token = generateTotp(secret, T);
    const wrong = String((Number(token) + 1) % 1_000_000).padStart(6, '0');
    expect(verifyTotp(wrong, secret, T)).toBeNull();
    expect(verifyTotp(token.slice(1), secret, T)).toBeNull();
    expect(verifyTotp(`${token}0`, secret, T)).toBeNull();
    expect(verifyTotp('', secret, T)).toBeNull();
    expect(verifyTotp(' 12345', secret, T)).toBeNull();
    expect(verifyTotp(token, Buffer.from('another secret value'), T)).toBeNull();
  });
});

import { createHmac, timingSafeEqual } from 'node:crypto';

export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';

export interface TotpOptions {
  digits?: number;
  stepSeconds?: number;
  algorithm?: TotpAlgorithm;
}

export interface VerifyOptions extends TotpOptions {
  /** Steps accepted on each side of the current one. */
  window?: number;
  /** Steps at or before this one are refused (replay protection). */
  afterStep?: number;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Decodes RFC 4648 base32 (case-insensitive, spaces and padding ignored). */
export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) throw new Error(`base32Decode: "${char}" is not a base32 character (A–Z, 2–7)`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((value >>> bits) & 0xff);
    }
  }
  return Buffer.from(out);
}

/** HOTP (RFC 4226) for one counter value. */
function hotp(secret: Buffer, counter: number, digits: number, algorithm: TotpAlgorithm): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, secret).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

const stepAt = (timeMs: number, stepSeconds: number) => Math.floor(timeMs / 1000 / stepSeconds);

/** The TOTP code for `timeMs` (RFC 6238). */
export function generateTotp(secret: Buffer, timeMs: number, options: TotpOptions = {}): string {
  const { digits = 6, stepSeconds = 30, algorithm = 'sha1' } = options;
  return hotp(secret, stepAt(timeMs, stepSeconds), digits, algorithm);
}

/** The time step `token` matches within the window, or null. */
export function verifyTotp(token: string, secret: Buffer, timeMs: number, options: VerifyOptions = {}): number | null {
  const { digits = 6, stepSeconds = 30, algorithm = 'sha1', window = 1, afterStep = -Infinity } = options;
  if (!new RegExp(`^[0-9]{${digits}}$`).test(token)) return null;
  const given = Buffer.from(token);
  const current = stepAt(timeMs, stepSeconds);
  for (let step = current - window; step <= current + window; step++) {
    if (step < 0 || step <= afterStep) continue;
    // Equal lengths are guaranteed by the format check, as timingSafeEqual requires.
    if (timingSafeEqual(given, Buffer.from(hotp(secret, step, digits, algorithm)))) return step;
  }
  return null;
}

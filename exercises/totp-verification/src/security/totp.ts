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

/** Decodes RFC 4648 base32 (case-insensitive, spaces and padding ignored). */
export function base32Decode(text: string): Buffer {
  throw new Error('Not implemented: base32Decode');
}

/** The TOTP code for `timeMs` (RFC 6238). */
export function generateTotp(secret: Buffer, timeMs: number, options: TotpOptions = {}): string {
  void [createHmac, timingSafeEqual];
  throw new Error('Not implemented: generateTotp');
}

/** The time step `token` matches within the window, or null. */
export function verifyTotp(token: string, secret: Buffer, timeMs: number, options: VerifyOptions = {}): number | null {
  throw new Error('Not implemented: verifyTotp');
}

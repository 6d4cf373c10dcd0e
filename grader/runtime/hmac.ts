// HMAC-SHA256 over a string's UTF-16LE code units, written with nothing but arithmetic and index
// access. Threat: the worker that computes it also runs learner code, which may have patched any
// built-in method (TypedArray getters, String.prototype, crypto's Hmac internals) to read the key
// as it passes. This code calls no method and reads no property a learner could redefine: the
// input is reached through a charCodeAt captured before learner code loaded, arrays are plain
// and only read in range. The host checks the result with node:crypto (same function, other process).

const K = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
];
const HEX = '0123456789abcdef';

/** SHA-256 of `bytes` (numbers 0–255, `n` of them); returns 32 numbers. */
function sha256(bytes: number[], n: number): number[] {
  const h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
  const total = (((n + 9 + 63) / 64) | 0) * 64;
  const m: number[] = [];
  for (let i = 0; i < total; i++) m[i] = i < n ? (bytes[i] as number) : i === n ? 0x80 : 0;
  const bits = n * 8;
  // Messages here are far below 512 MB, so the length fits the low 32 bits.
  for (let i = 0; i < 4; i++) m[total - 1 - i] = (bits >>> (8 * i)) & 0xff;
  const w: number[] = [];
  for (let off = 0; off < total; off += 64) {
    for (let t = 0; t < 64; t++) {
      if (t < 16) {
        const j = off + t * 4;
        w[t] =
          ((m[j] as number) << 24) | ((m[j + 1] as number) << 16) | ((m[j + 2] as number) << 8) | (m[j + 3] as number);
      } else {
        const a = w[t - 15] as number;
        const b = w[t - 2] as number;
        const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
        const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
        w[t] = ((w[t - 16] as number) + s0 + (w[t - 7] as number) + s1) | 0;
      }
    }
    // No destructuring: it would go through the (patchable) array iterator.
    let a = h[0] as number,
      b = h[1] as number,
      c = h[2] as number,
      d = h[3] as number;
    let e = h[4] as number,
      f = h[5] as number,
      g = h[6] as number,
      hh = h[7] as number;
    for (let t = 0; t < 64; t++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + (K[t] as number) + (w[t] as number)) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h[0] = ((h[0] as number) + a) | 0;
    h[1] = ((h[1] as number) + b) | 0;
    h[2] = ((h[2] as number) + c) | 0;
    h[3] = ((h[3] as number) + d) | 0;
    h[4] = ((h[4] as number) + e) | 0;
    h[5] = ((h[5] as number) + f) | 0;
    h[6] = ((h[6] as number) + g) | 0;
    h[7] = ((h[7] as number) + hh) | 0;
  }
  const out: number[] = [];
  for (let i = 0; i < 32; i++) out[i] = ((h[i >> 2] as number) >>> (24 - 8 * (i & 3))) & 0xff;
  return out;
}

/** A MAC function bound to `key` (32 bytes) and a charCodeAt captured by the caller. */
export function createMac(
  key: number[],
  charCodeAt: (s: string, i: number) => number,
): (text: string, length: number) => string {
  const inner: number[] = [];
  const outer: number[] = [];
  for (let i = 0; i < 64; i++) {
    const k = i < 32 ? (key[i] as number) : 0;
    inner[i] = k ^ 0x36;
    outer[i] = k ^ 0x5c;
  }
  return (text, length) => {
    const message: number[] = [];
    for (let i = 0; i < 64; i++) message[i] = inner[i] as number;
    for (let i = 0; i < length; i++) {
      const unit = charCodeAt(text, i);
      message[64 + 2 * i] = unit & 0xff;
      message[65 + 2 * i] = unit >>> 8;
    }
    const innerHash = sha256(message, 64 + 2 * length);
    const second: number[] = [];
    for (let i = 0; i < 64; i++) second[i] = outer[i] as number;
    for (let i = 0; i < 32; i++) second[64 + i] = innerHash[i] as number;
    const digest = sha256(second, 96);
    let hex = '';
    for (let i = 0; i < 32; i++)
      hex += ((HEX[(digest[i] as number) >>> 4] as string) + HEX[(digest[i] as number) & 15]) as string;
    return hex;
  };
}

// `node:crypto` for the grading worker, the part with exact browser equivalents: hashes and HMACs
// (SHA-1, SHA-384, SHA-512 and every HMAC from @noble/hashes, audited and widely used; MD5 and
// SHA-224/256 hashes from js-md5 and js-sha256, which hash a short string several times faster, as
// checks that hash tens of thousands of keys need), timingSafeEqual, randomBytes,
// randomInt, randomUUID and getRandomValues (the Web Crypto random source). Same names, arguments,
// results (Buffers) and errors as Node for what it offers; anything else is absent, so an import of
// it fails to link and the learner is told to use the local grader. The parity test
// (tests/e2e/browser-parity.spec.ts) and node-crypto.spec.ts (against Node's own module) hold it to that.
import { hmac } from '@noble/hashes/hmac';
import { md5, sha1 } from '@noble/hashes/legacy';
import { sha224, sha256, sha384, sha512 } from '@noble/hashes/sha2';
import { md5 as jsMd5 } from 'js-md5';
import { sha224 as jsSha224, sha256 as jsSha256 } from 'js-sha256';
import { Buffer } from './node-buffer.ts';

/** The stand-in's Buffer (the `buffer` package's class), not the Node type of the same name. */
// biome-ignore lint/suspicious/noRedeclare: a class and its instance type share one name, as in lib.dom.d.ts.
type Buffer = ReturnType<typeof Buffer.from>;

type Algorithm = typeof sha256;
const ALGORITHMS: Record<string, Algorithm> = { md5, sha1, sha224, sha256, sha384, sha512 };
type Data = string | ArrayBufferView;

/** What an update hands a digest: bytes, or a well-formed string meaning its UTF-8 bytes. */
type Chunk = string | Uint8Array;
interface FastHasher {
  update(message: Chunk): FastHasher;
  arrayBuffer(): ArrayBuffer;
}
/** The faster hashes (createHash only; HMACs stay with @noble/hashes). */
const FAST: Record<string, () => FastHasher> = {
  md5: () => jsMd5.create(),
  sha224: () => jsSha224.create(),
  sha256: () => jsSha256.create(),
};

/** `sha256`, `SHA256`, `sha-256` and `RSA-SHA256` name the same digest in Node. */
function algorithm(name: unknown): Algorithm | undefined {
  if (typeof name !== 'string') return undefined;
  return ALGORITHMS[normalized(name)];
}
const normalized = (name: string) => name.toLowerCase().replace(/^rsa-/, '').replace(/^sha-/, 'sha');

function nodeError<E extends Error>(error: E, code: string): E {
  return Object.assign(error, { code });
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object' || typeof value === 'function')
    return `an instance of ${(value as object).constructor?.name ?? 'Object'}`;
  return `type ${typeof value} (${typeof value === 'string' ? `'${value}'` : String(value)})`;
}

const utf8 = new TextEncoder();

/** Input as bytes, or as the string itself when it is UTF-8 text the hashers encode exactly as Node does. */
function chunk(data: unknown, encoding: unknown, argument: string): Chunk {
  // A lone surrogate is encoded as U+FFFD by Node and TextEncoder, not by the hashers' own encoders.
  if (typeof data === 'string' && (encoding === undefined || encoding === 'utf8' || encoding === 'utf-8'))
    return data.isWellFormed() ? data : utf8.encode(data);
  return bytes(data, encoding, argument);
}

function bytes(data: unknown, encoding: unknown, argument: string): Uint8Array {
  // TextEncoder is the browser's native UTF-8 encoder (the same bytes, several times faster).
  if (typeof data === 'string')
    return encoding === undefined || encoding === 'utf8' || encoding === 'utf-8'
      ? utf8.encode(data)
      : Buffer.from(data, encoding as BufferEncoding);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw nodeError(
    new TypeError(
      `The "${argument}" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received ${typeName(data)}`,
    ),
    'ERR_INVALID_ARG_TYPE',
  );
}

interface Digester {
  update(data: Chunk): Digester;
  digest(): Uint8Array;
  clone(): Digester;
}

/**
 * A fast hasher behind the Digester interface: the input is kept until digest(), then hashed in
 * one go (the hashers cannot be cloned, and Hash.copy() needs that); bytes are copied on update,
 * as Node has consumed them by then.
 */
class Buffered implements Digester {
  readonly #make: () => FastHasher;
  #chunks: Chunk[] = [];
  constructor(make: () => FastHasher, chunks: Chunk[] = []) {
    this.#make = make;
    this.#chunks = chunks;
  }
  update(data: Chunk): this {
    this.#chunks.push(typeof data === 'string' ? data : data.slice());
    return this;
  }
  digest(): Uint8Array {
    const hasher = this.#make();
    for (const data of this.#chunks) hasher.update(data);
    return new Uint8Array(hasher.arrayBuffer());
  }
  clone(): Buffered {
    return new Buffered(this.#make, [...this.#chunks]);
  }
}

class Digest {
  #finished = false;
  protected readonly state: Digester;
  constructor(state: Digester) {
    this.state = state;
  }
  update(data: Data, inputEncoding?: BufferEncoding): this {
    if (this.#finished) throw nodeError(new Error('Digest already called'), 'ERR_CRYPTO_HASH_FINALIZED');
    this.state.update(chunk(data, inputEncoding, 'data'));
    return this;
  }
  digest(): Buffer;
  digest(encoding: BufferEncoding): string;
  digest(encoding?: BufferEncoding | 'buffer'): Buffer | string {
    if (this.#finished) throw nodeError(new Error('Digest already called'), 'ERR_CRYPTO_HASH_FINALIZED');
    this.#finished = true;
    const result = this.state.digest();
    const out = Buffer.from(result.buffer as ArrayBuffer, result.byteOffset, result.byteLength);
    if (encoding === 'hex') return hex(result);
    return encoding && encoding !== 'buffer' ? out.toString(encoding) : out;
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
/** Digests are often compared as hex in hot loops: a table is several times faster than Buffer's. */
function hex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += HEX[byte];
  return out;
}

/** crypto.Hash */
export class Hash extends Digest {
  copy(): Hash {
    return new Hash(this.state.clone());
  }
}
/** crypto.Hmac */
export class Hmac extends Digest {}

export function createHash(name: string): Hash {
  const found = algorithm(name);
  if (!found) throw new Error('Digest method not supported');
  const fast = FAST[normalized(name)];
  return new Hash(fast ? new Buffered(fast) : (found.create() as unknown as Digester));
}

/** crypto.KeyObject, secret keys only (what HMAC signing, e.g. jsonwebtoken's HS256, passes around). */
export class KeyObject {
  readonly type = 'secret';
  readonly #key: Uint8Array;
  constructor(type: 'secret', key: Uint8Array) {
    if (type !== 'secret') throw new TypeError('Only secret keys are available when checks run in the browser');
    this.#key = Uint8Array.from(key);
  }
  get symmetricKeySize(): number {
    return this.#key.byteLength;
  }
  export(): Buffer {
    return Buffer.from(this.#key);
  }
  equals(other: KeyObject): boolean {
    return (
      other instanceof KeyObject &&
      other.#key.byteLength === this.#key.byteLength &&
      timingSafeEqual(other.#key, this.#key)
    );
  }
}

export function createSecretKey(key: Data, encoding?: BufferEncoding): KeyObject {
  return new KeyObject('secret', bytes(key, encoding, 'key'));
}

/** Public and private (PEM) keys are not parsed in the browser: this fails as Node does for input that is no key. */
const noAsymmetricKeys = (_key?: unknown): never => {
  throw nodeError(new Error('error:1E08010C:DECODER routines::unsupported'), 'ERR_OSSL_UNSUPPORTED');
};
export const createPrivateKey = noAsymmetricKeys;
export const createPublicKey = noAsymmetricKeys;

export function createHmac(name: string, key: Data | KeyObject): Hmac {
  const found = algorithm(name);
  if (!found) throw nodeError(new TypeError(`Invalid digest: ${String(name)}`), 'ERR_CRYPTO_INVALID_DIGEST');
  const secret = key instanceof KeyObject ? key.export() : bytes(key, 'utf8', 'key');
  return new Hmac(hmac.create(found, secret) as unknown as Digester);
}

/** Node ≥ 21.7: a one-shot digest. */
export function hash(name: string, data: Data, outputEncoding: BufferEncoding | 'buffer' = 'hex'): string | Buffer {
  const digest = createHash(name).update(data);
  return outputEncoding === 'buffer' ? digest.digest() : digest.digest(outputEncoding);
}

export function getHashes(): string[] {
  return Object.keys(ALGORITHMS);
}

export function timingSafeEqual(a: ArrayBufferView, b: ArrayBufferView): boolean {
  for (const [name, value] of [
    ['buf1', a],
    ['buf2', b],
  ] as const)
    if (!ArrayBuffer.isView(value) && !((value as unknown) instanceof ArrayBuffer))
      throw nodeError(
        new TypeError(`The "${name}" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.`),
        'ERR_INVALID_ARG_TYPE',
      );
  const x = view(a);
  const y = view(b);
  if (x.byteLength !== y.byteLength)
    throw nodeError(
      new RangeError('Input buffers must have the same byte length'),
      'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH',
    );
  let difference = 0;
  for (let i = 0; i < x.byteLength; i++) difference |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return difference === 0;
}

const view = (value: ArrayBufferView | ArrayBuffer) =>
  value instanceof ArrayBuffer
    ? new Uint8Array(value)
    : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);

const MAX_RANDOM = 2 ** 31 - 1;
type Callback<T> = (error: Error | null, value: T) => void;

export function randomBytes(size: number): Buffer;
export function randomBytes(size: number, callback: Callback<Buffer>): void;
export function randomBytes(size: number, callback?: Callback<Buffer>): Buffer | undefined {
  if (typeof size !== 'number')
    throw nodeError(
      new TypeError(`The "size" argument must be of type number. Received ${typeName(size)}`),
      'ERR_INVALID_ARG_TYPE',
    );
  if (!Number.isInteger(size) || size < 0 || size > MAX_RANDOM)
    throw nodeError(
      new RangeError(`The value of "size" is out of range. It must be >= 0 && <= ${MAX_RANDOM}. Received ${size}`),
      'ERR_OUT_OF_RANGE',
    );
  const out = Buffer.alloc(size);
  // getRandomValues fills at most 65536 bytes per call.
  for (let at = 0; at < size; at += 65_536) globalThis.crypto.getRandomValues(out.subarray(at, at + 65_536));
  if (!callback) return out;
  setTimeout(() => callback(null, out), 0);
  return undefined;
}

/** A uniformly random integer in [min, max), as Node's randomInt (rejection sampling, no modulo bias). */
export function randomInt(
  min: number,
  max?: number | Callback<number>,
  callback?: Callback<number>,
): number | undefined {
  if (typeof max !== 'number') {
    callback = max;
    max = min;
    min = 0;
  }
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max))
    throw nodeError(new TypeError('The "min" and "max" arguments must be safe integers'), 'ERR_INVALID_ARG_TYPE');
  if (max <= min)
    throw nodeError(
      new RangeError(
        `The value of "max" is out of range. It must be greater than the value of "min" (${min}). Received ${max}`,
      ),
      'ERR_OUT_OF_RANGE',
    );
  const range = max - min;
  if (range >= 2 ** 48)
    throw nodeError(
      new RangeError(`The value of "max - min" is out of range. It must be <= 281474976710655. Received ${range}`),
      'ERR_OUT_OF_RANGE',
    );
  const limit = 2 ** 48 - (2 ** 48 % range);
  let value: number;
  do {
    const six = randomBytes(6);
    value = six.readUIntBE(0, 6);
  } while (value >= limit);
  const result = min + (value % range);
  if (!callback) return result;
  const done = callback;
  setTimeout(() => done(null, result), 0);
  return undefined;
}

export const randomUUID = (): string => globalThis.crypto.randomUUID();
export const getRandomValues = <T extends ArrayBufferView>(array: T): T =>
  globalThis.crypto.getRandomValues(array as never) as T;
export const webcrypto = globalThis.crypto;
export const subtle = globalThis.crypto.subtle;

export default {
  Hash,
  Hmac,
  KeyObject,
  createHash,
  createHmac,
  createSecretKey,
  createPrivateKey,
  createPublicKey,
  hash,
  getHashes,
  timingSafeEqual,
  randomBytes,
  randomInt,
  randomUUID,
  getRandomValues,
  webcrypto,
  subtle,
};

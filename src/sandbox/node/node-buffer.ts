// `node:buffer` for the grading worker: the `buffer` package (Node's Buffer API over Uint8Array),
// plus the one encoding it lacks, base64url (Node ≥ 15.7), so code written for Node is graded the
// same in the browser. Bundled by scripts/sandbox-build.ts; the worker installs this Buffer as the
// global one, and node:crypto's stand-in returns it, so there is one Buffer class in a run.
import buffer from 'buffer/index.js';

// A CommonJS package: its exports object, read the same way by Node (tests) and esbuild (the worker).
const { Buffer } = buffer;
// Present at run time, missing from the package's types.
const { kMaxLength, SlowBuffer } = buffer as unknown as { kMaxLength: number; SlowBuffer: unknown };
const constants = { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: 2 ** 29 - 24 };

type Encoding = BufferEncoding | undefined;
/** base64url decodes as base64 does: the package's decoder already accepts `-` and `_`. */
const decodeAs = (encoding: unknown) =>
  typeof encoding === 'string' && encoding.toLowerCase() === 'base64url' ? 'base64' : encoding;
const isUrl = (encoding: unknown) => typeof encoding === 'string' && encoding.toLowerCase() === 'base64url';

interface Patchable {
  from: (...args: unknown[]) => Buffer;
  byteLength: (value: unknown, encoding?: unknown) => number;
  isEncoding: (encoding: unknown) => boolean;
  alloc: (size: number, fill?: unknown, encoding?: unknown) => Buffer;
  prototype: {
    toString: (encoding?: Encoding, start?: number, end?: number) => string;
    write: (...args: unknown[]) => number;
  };
}
const B = Buffer as unknown as Patchable;
const { from, byteLength, isEncoding, alloc } = B;
const { toString: bufferToString, write: bufferWrite } = B.prototype;

B.from = function (this: unknown, value: unknown, encoding?: unknown, length?: unknown) {
  return from.call(this, value, typeof value === 'string' ? decodeAs(encoding) : encoding, length);
};
B.byteLength = (value, encoding) => byteLength(value, decodeAs(encoding));
B.isEncoding = (encoding) => isUrl(encoding) || isEncoding(encoding);
B.alloc = (size, fill, encoding) => alloc(size, fill, decodeAs(encoding));
B.prototype.toString = function (this: Buffer, encoding?: Encoding, start?: number, end?: number) {
  if (!isUrl(encoding)) return bufferToString.call(this, encoding, start, end);
  return bufferToString.call(this, 'base64', start, end).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
B.prototype.write = function (this: Buffer, ...args: unknown[]) {
  return bufferWrite.apply(
    this,
    args.map((a, i) => (i > 0 ? decodeAs(a) : a)),
  );
};

export { Buffer, constants, kMaxLength, SlowBuffer };
export const INSPECT_MAX_BYTES = 50;
export default { Buffer, constants, kMaxLength, SlowBuffer, INSPECT_MAX_BYTES };

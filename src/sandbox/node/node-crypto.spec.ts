// The browser's stand-ins for node:crypto and node:buffer give the same results and the same errors
// as Node's own modules for everything they offer (the parity e2e test then proves whole verdicts).
import * as node from 'node:crypto';
import { Buffer as NodeBuffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import * as shim from './node-crypto.ts';
import { Buffer } from './node-buffer.ts';

// A lone surrogate (Node encodes it as U+FFFD) and an emoji (a surrogate pair) test the UTF-8 paths.
const INPUTS = [
  '',
  'abc',
  'héllo wörld ✓',
  'x'.repeat(1000),
  'a\uD83Db',
  '😀 \uDC00',
  NodeBuffer.from([0, 255, 1, 128]),
];
const ALGORITHMS = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'SHA256', 'RSA-SHA1', 'sha-256'];
const ENCODINGS = ['hex', 'base64', 'base64url'] as const;

/** Runs `f`, returning its result or the thrown error's class, code and message. */
function outcome(f: () => unknown): unknown {
  try {
    const value = f();
    return NodeBuffer.isBuffer(value) || value instanceof Uint8Array
      ? { bytes: NodeBuffer.from(value as Uint8Array).toString('hex') }
      : value;
  } catch (error) {
    const e = error as Error & { code?: string };
    return { threw: e.constructor.name, code: e.code, message: e.message };
  }
}

describe('node:crypto stand-in', () => {
  it('hashes and HMACs exactly as Node does, for every algorithm, input and output encoding', () => {
    for (const algorithm of ALGORITHMS)
      for (const input of INPUTS) {
        expect(shim.createHash(algorithm).update(input).digest().toString('hex'), algorithm).toBe(
          node.createHash(algorithm).update(input).digest('hex'),
        );
        for (const key of ['secret', NodeBuffer.from('k'.repeat(200)), ''])
          for (const encoding of ENCODINGS)
            expect(shim.createHmac(algorithm, key).update(input).digest(encoding), `${algorithm} ${encoding}`).toBe(
              node.createHmac(algorithm, key).update(input).digest(encoding),
            );
      }
  });

  it('accepts chained updates with input encodings, and copies a hash mid-way', () => {
    const ours = shim.createHash('sha256').update('68656c6c6f', 'hex').update(' world');
    const theirs = node.createHash('sha256').update('68656c6c6f', 'hex').update(' world');
    expect(ours.copy().update('!').digest('base64')).toBe(theirs.copy().update('!').digest('base64'));
    expect(ours.digest('hex')).toBe(theirs.digest('hex'));
    expect(shim.hash('sha1', 'abc')).toBe(node.hash('sha1', 'abc'));
    for (const algorithm of ['md5', 'sha224', 'sha256']) {
      const bytes = new Uint8Array([1, 2, 3]);
      const hash = shim.createHash(algorithm).update('a').update(bytes).update('é', 'latin1');
      bytes[0] = 9; // Node has consumed the bytes by now: changing them later changes nothing.
      const copy = hash.copy();
      expect(hash.digest('hex'), algorithm).toBe(
        node
          .createHash(algorithm)
          .update('a')
          .update(new Uint8Array([1, 2, 3]))
          .update('é', 'latin1')
          .digest('hex'),
      );
      expect(copy.update('more').digest('hex'), algorithm).toBe(
        node
          .createHash(algorithm)
          .update('a')
          .update(new Uint8Array([1, 2, 3]))
          .update('é', 'latin1')
          .update('more')
          .digest('hex'),
      );
    }
  });

  it('fails where Node fails, with the same error', () => {
    const cases: [string, (m: typeof shim | typeof node) => unknown][] = [
      ['unknown hash', (m) => m.createHash('sha3-999')],
      ['unknown hmac', (m) => m.createHmac('nope', 'k')],
      [
        'digest twice',
        (m) => {
          const h = m.createHash('sha256');
          h.digest();
          return h.digest();
        },
      ],
      [
        'update after digest',
        (m) => {
          const h = m.createHmac('sha256', 'k');
          h.digest();
          return h.update('x');
        },
      ],
      ['update with a number', (m) => m.createHash('sha256').update(42 as never)],
      ['timingSafeEqual, other lengths', (m) => m.timingSafeEqual(NodeBuffer.from('ab'), NodeBuffer.from('abc'))],
      ['timingSafeEqual, a string', (m) => m.timingSafeEqual('ab' as never, NodeBuffer.from('ab'))],
      ['randomBytes(-1)', (m) => m.randomBytes(-1)],
      ['randomBytes("4")', (m) => m.randomBytes('4' as never)],
    ];
    for (const [label, run] of cases)
      expect(
        outcome(() => run(shim)),
        label,
      ).toEqual(outcome(() => run(node)));
  });

  it('compares equal and unequal buffers of any view type', () => {
    for (const [a, b] of [
      ['same', 'same'],
      ['same', 'sama'],
      ['', ''],
    ] as const) {
      expect(shim.timingSafeEqual(Buffer.from(a), Buffer.from(b))).toBe(
        node.timingSafeEqual(NodeBuffer.from(a), NodeBuffer.from(b)),
      );
    }
    expect(shim.timingSafeEqual(new Uint16Array([1, 2]), new Uint8Array([1, 0, 2, 0]))).toBe(true);
  });

  it('gives random values of the asked size and range', async () => {
    expect(shim.randomBytes(70_000)).toHaveLength(70_000);
    expect(Buffer.isBuffer(shim.randomBytes(4))).toBe(true);
    const later = await new Promise<Uint8Array>((resolve, reject) =>
      shim.randomBytes(8, (error, value) => (error ? reject(error) : resolve(value))),
    );
    expect(later).toHaveLength(8);
    const seen = new Set(Array.from({ length: 500 }, () => shim.randomInt(3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5]);
    expect(shim.randomInt(1)).toBe(0);
    expect(outcome(() => shim.randomInt(5, 5))).toEqual(outcome(() => node.randomInt(5, 5)));
    expect(shim.randomUUID()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('node:buffer stand-in', () => {
  it('encodes and decodes base64url as Node does', () => {
    for (const input of ['', 'a', 'ab', 'abc', '{"t":"2026-01-01","id":"x?>~"}', '\u00ff\u00fe\u00fd']) {
      const theirs = NodeBuffer.from(input, 'latin1');
      const ours = Buffer.from(input, 'latin1');
      expect(ours.toString('base64url')).toBe(theirs.toString('base64url'));
      const encoded = theirs.toString('base64url');
      expect(Buffer.from(encoded, 'base64url').toString('hex')).toBe(
        NodeBuffer.from(encoded, 'base64url').toString('hex'),
      );
      expect(Buffer.byteLength(encoded, 'base64url')).toBe(NodeBuffer.byteLength(encoded, 'base64url'));
    }
    expect(Buffer.from('a+b/c-d_', 'base64url').toString('hex')).toBe(
      NodeBuffer.from('a+b/c-d_', 'base64url').toString('hex'),
    );
    expect(Buffer.isEncoding('base64url')).toBe(true);
    expect(Buffer.from('hello').toString('base64url', 1, 4)).toBe(NodeBuffer.from('hello').toString('base64url', 1, 4));
  });
});

describe('secret keys (jsonwebtoken signs HS256 through them)', () => {
  it('wraps a secret as Node does and HMACs with it', () => {
    const ours = shim.createSecretKey(Buffer.from('topsecret'));
    const theirs = node.createSecretKey(NodeBuffer.from('topsecret'));
    expect([ours.type, ours.symmetricKeySize]).toEqual([theirs.type, theirs.symmetricKeySize]);
    expect(ours.export().toString()).toBe(theirs.export().toString());
    expect(shim.createHmac('sha256', ours).update('x').digest('hex')).toBe(
      node.createHmac('sha256', theirs).update('x').digest('hex'),
    );
    // jsonwebtoken first tries a plain string as a PEM key; both refuse it.
    expect(outcome(() => shim.createPrivateKey('not a key' as never))).toMatchObject({ threw: 'Error' });
    expect(outcome(() => node.createPrivateKey('not a key'))).toMatchObject({ threw: 'Error' });
  });
});

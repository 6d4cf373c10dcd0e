import { expect, it } from 'vitest';
import { isDomainError } from '../src/domain/shared/domain-error.js';
import { taskCursorCodec } from '../src/infrastructure/persistence/task-cursor.js';

const tokenOf = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return isDomainError(error) ? error.code : `not a DomainError: ${String(error)}`;
  }
  return undefined;
};
const at = '2025-12-31T23:59:59.999Z';

it('encode() writes base64url without padding of the JSON {"createdAt":…,"id":…}', () => {
  for (const id of ['t', 'tk', 'tsk', 'ü?>~', 'c1a2b3'.repeat(7)]) {
    const token = taskCursorCodec.encode({ createdAt: at, id });
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(token, 'base64url').toString('utf8')).toBe(JSON.stringify({ createdAt: at, id }));
  }
});

it('encode() refuses an empty id or a createdAt that is not an ISO 8601 UTC timestamp with CURSOR.INVALID', () => {
  expect(codeOf(() => taskCursorCodec.encode({ createdAt: at, id: '' }))).toBe('CURSOR.INVALID');
  expect(codeOf(() => taskCursorCodec.encode({ createdAt: '2025-12-31', id: 't' }))).toBe('CURSOR.INVALID');
});

it('decode() gives back the cursor a token holds', () => {
  const cursor = { createdAt: at, id: 'f3b1c0de' };
  expect(taskCursorCodec.decode(tokenOf(JSON.stringify(cursor)))).toEqual(cursor);
  expect(taskCursorCodec.decode(taskCursorCodec.encode({ createdAt: at, id: 'é/+' }))).toEqual({ createdAt: at, id: 'é/+' });
});

it('decode() refuses a character outside the base64url alphabet (padding, +, /, empty) with CURSOR.INVALID', () => {
  const token = tokenOf(JSON.stringify({ createdAt: at, id: 'tk' }));
  const standard = Buffer.from(JSON.stringify({ createdAt: at, id: '??>' }), 'utf8').toString('base64');
  expect(standard).toMatch(/[+/]/);
  const codes = [`${token}=`, standard, '', `${token}.`].map((bad) => codeOf(() => taskCursorCodec.decode(bad)));
  expect(codes).toEqual(Array(4).fill('CURSOR.INVALID'));
});

it('decode() refuses a token whose text is not JSON with CURSOR.INVALID', () => {
  expect(codeOf(() => taskCursorCodec.decode(tokenOf('{createdAt:')))).toBe('CURSOR.INVALID');
});

it('decode() refuses JSON that is not an object with exactly createdAt and a non-empty id with CURSOR.INVALID', () => {
  const texts = [
    '"t"',
    'null',
    `{"createdAt":"${at}"}`,
    `{"createdAt":"${at}","id":""}`,
    `{"createdAt":"${at}","id":["t"]}`,
    `{"createdAt":"${at}","id":"t","ownerId":"u1"}`,
  ];
  expect(texts.map((text) => codeOf(() => taskCursorCodec.decode(tokenOf(text))))).toEqual(
    Array(texts.length).fill('CURSOR.INVALID'),
  );
});

it('decode() refuses a createdAt not written exactly as Date#toISOString() writes it with CURSOR.INVALID', () => {
  const dates = ['2025-12-31', '2025-12-31T23:59:59Z', '2025-12-31T23:59:59.999+00:00', 'yesterday', '2025-13-01T00:00:00.000Z'];
  expect(dates.map((createdAt) => codeOf(() => taskCursorCodec.decode(tokenOf(JSON.stringify({ createdAt, id: 't' })))))).toEqual(
    Array(dates.length).fill('CURSOR.INVALID'),
  );
});

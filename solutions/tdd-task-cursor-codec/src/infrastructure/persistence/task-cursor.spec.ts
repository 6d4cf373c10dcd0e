import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../domain/shared/domain-error.js';
import { taskCursorCodec } from './task-cursor.js';

const cursor = { createdAt: '2026-03-01T09:30:00.000Z', id: 'task-42' };
// Raw tokens, built by hand so the spec does not trust encode() to test decode().
const tokenOf = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return isDomainError(error) ? error.code : String(error);
  }
  return undefined;
};

describe('encode', () => {
  it('writes base64url without padding of {"createdAt":…,"id":…}', () => {
    const token = taskCursorCodec.encode(cursor);
    expect(token).toBe(tokenOf('{"createdAt":"2026-03-01T09:30:00.000Z","id":"task-42"}'));
  });

  it('uses only the base64url alphabet, for any id', () => {
    for (const id of ['a', 'ab', 'abc', '>>>?', 'tâche-é', '~~~~'])
      expect(taskCursorCodec.encode({ ...cursor, id })).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('refuses a cursor decode() would refuse', () => {
    expect(codeOf(() => taskCursorCodec.encode({ ...cursor, id: '' }))).toBe('CURSOR.INVALID');
    expect(codeOf(() => taskCursorCodec.encode({ ...cursor, createdAt: '2026-03-01' }))).toBe('CURSOR.INVALID');
  });
});

describe('decode', () => {
  it('gives back the cursor encode() was given', () => {
    expect(taskCursorCodec.decode(taskCursorCodec.encode(cursor))).toEqual(cursor);
    expect(taskCursorCodec.decode(tokenOf('{"createdAt":"2026-03-01T09:30:00.000Z","id":"x"}'))).toEqual({
      createdAt: '2026-03-01T09:30:00.000Z',
      id: 'x',
    });
  });

  it('refuses characters outside base64url, padding included', () => {
    const token = taskCursorCodec.encode({ ...cursor, id: 'ab' });
    // The same JSON in standard base64: '??>' encodes to a '/' there.
    const standard = Buffer.from(JSON.stringify({ ...cursor, id: '??>' }), 'utf8').toString('base64');
    for (const bad of [`${token}=`, `${token}==`, standard, '', 'a b'])
      expect(codeOf(() => taskCursorCodec.decode(bad))).toBe('CURSOR.INVALID');
  });

  it('refuses a token that is not JSON', () => {
    expect(codeOf(() => taskCursorCodec.decode(tokenOf('not json')))).toBe('CURSOR.INVALID');
  });

  it('refuses JSON that is not a cursor', () => {
    const bad = [
      'null',
      '[]',
      '{"createdAt":"2026-03-01T09:30:00.000Z"}',
      '{"createdAt":"2026-03-01T09:30:00.000Z","id":""}',
      '{"createdAt":"2026-03-01T09:30:00.000Z","id":7}',
      '{"createdAt":"2026-03-01T09:30:00.000Z","id":"x","admin":true}',
    ];
    for (const text of bad) expect(codeOf(() => taskCursorCodec.decode(tokenOf(text))), text).toBe('CURSOR.INVALID');
  });

  it('refuses a createdAt that is not exactly an ISO 8601 UTC timestamp', () => {
    for (const createdAt of ['2026-03-01', '2026-03-01T09:30:00Z', 'March 1, 2026', '2026-02-30T09:30:00.000Z'])
      expect(codeOf(() => taskCursorCodec.decode(tokenOf(JSON.stringify({ createdAt, id: 'x' }))))).toBe(
        'CURSOR.INVALID',
      );
  });
});

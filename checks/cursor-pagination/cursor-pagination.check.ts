import { describe, expect, it } from 'vitest';
import { InvalidCursorError, decodeCursor, encodeCursor, paginate } from '../src/api/cursor-pagination.js';

interface Row { id: string; createdAt: Date; title: string }
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute));
const row = (id: string, minute: number): Row => ({ id, createdAt: at(minute), title: `task ${id}` });

function walk(items: Row[], limit: number): string[][] {
  const pages: string[][] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const page: { items: Row[]; nextCursor: string | null } = paginate(items, { limit, after });
    pages.push(page.items.map((r) => r.id));
    if (page.nextCursor === null) return pages;
    after = page.nextCursor;
  }
  throw new Error('paginate never returned nextCursor: null');
}

describe('cursor pagination', () => {
  it('returns the newest items first, at most limit of them, with a cursor to continue', () => {
    const items = [row('a', 1), row('c', 3), row('b', 2), row('d', 4)];
    const page = paginate(items, { limit: 2 });
    expect(page.items.map((r) => r.id)).toEqual(['d', 'c']);
    expect(typeof page.nextCursor).toBe('string');
  });

  it('visits every item exactly once when many items share the same createdAt', () => {
    const items = ['k', 'b', 'x', 'a', 'm', 'q', 'c'].map((id) => row(id, 5)).concat([row('z', 9), row('y', 1)]);
    const pages = walk(items, 2);
    expect(pages.flat()).toEqual(['z', 'x', 'q', 'm', 'k', 'c', 'b', 'a', 'y']);
  });

  it('returns nextCursor null on the last page, also when the items divide evenly into pages', () => {
    const items = [row('a', 1), row('b', 2), row('c', 3), row('d', 4)];
    expect(walk(items, 2), 'two full pages, and no third empty page').toEqual([['d', 'c'], ['b', 'a']]);
    expect(paginate(items, { limit: 10 }).nextCursor).toBeNull();
  });

  it('does not repeat or skip items when new tasks are inserted between page requests', () => {
    const items = [row('a', 1), row('b', 2), row('c', 3), row('d', 4), row('e', 5)];
    const first = paginate(items, { limit: 2 });
    expect(first.items.map((r) => r.id)).toEqual(['e', 'd']);
    const grown = [...items, row('new1', 10), row('new2', 11)];
    const second = paginate(grown, { limit: 2, after: first.nextCursor });
    expect(second.items.map((r) => r.id), 'the page after "d" is still c, b').toEqual(['c', 'b']);
  });

  it('a cursor stays correct when the item it points at has been deleted since', () => {
    const items = [row('a', 1), row('b', 2), row('c', 3), row('d', 4), row('e', 5)];
    const first = paginate(items, { limit: 2 });
    const shrunk = items.filter((r) => r.id !== 'd'); // the cursor's own item is gone
    expect(paginate(shrunk, { limit: 2, after: first.nextCursor }).items.map((r) => r.id), 'the page after "d" is still c, b').toEqual(['c', 'b']);
  });

  it('ties are broken by id in descending code-unit order (as JavaScript < compares), not by locale', () => {
    const items = ['B', 'a', '_', 'Z', 'b'].map((id) => row(id, 5));
    expect(walk(items, 2).flat(), "code units: b (98) > a (97) > _ (95) > Z (90) > B (66)").toEqual(['b', 'a', '_', 'Z', 'B']);
  });

  it('an empty list gives an empty page with nextCursor null', () => {
    expect(paginate([], { limit: 5 })).toEqual({ items: [], nextCursor: null });
  });

  it('rejects cursors of the wrong shape (null, a number, an array, a string) and with an invalid date', () => {
    const b64 = (text: string) => Buffer.from(text).toString('base64url');
    for (const text of ['null', '42', '[]', '"abc"', '{"t":1e20,"id":"x"}', '{"createdAt":"not a date","id":"x"}', '{"createdAt":1e20,"id":"x"}', '{"t":"2026-01-01T00:00:00Z","id":""}']) {
      expect(() => decodeCursor(b64(text)), `decodeCursor of base64url(${text})`).toThrow(InvalidCursorError);
      expect(() => paginate([row('a', 1)], { after: b64(text) }), `paginate after base64url(${text})`).toThrow(InvalidCursorError);
    }
  });

  it('round-trips a position through encodeCursor and decodeCursor', () => {
    const position = { id: 'task|42', createdAt: at(7) };
    const decoded = decodeCursor(encodeCursor(position));
    expect(decoded.id).toBe('task|42');
    expect(decoded.createdAt.getTime()).toBe(position.createdAt.getTime());
  });

  it('rejects garbage and tampered cursors with InvalidCursorError', () => {
    const items = [row('a', 1)];
    expect(() => paginate(items, { after: 'not a cursor!!' })).toThrow(InvalidCursorError);
    expect(() => decodeCursor(Buffer.from('{"hello":"world"}').toString('base64url'))).toThrow(InvalidCursorError);
    expect(() => decodeCursor('')).toThrow(InvalidCursorError);
    try {
      decodeCursor('%%%');
      expect.unreachable('decodeCursor("%%%") must throw');
    } catch (error) {
      expect((error as InvalidCursorError).code).toBe('PAGINATION.INVALID_CURSOR');
    }
  });

  it('defaults limit to 20, caps it at 100 and rejects limits below 1', () => {
    const many = Array.from({ length: 150 }, (_, i) => row(`t${String(i).padStart(3, '0')}`, i % 60));
    expect(paginate(many).items).toHaveLength(20);
    expect(paginate(many, { limit: 500 }).items).toHaveLength(100);
    expect(() => paginate(many, { limit: 0 })).toThrow(RangeError);
    expect(() => paginate(many, { limit: 2.5 })).toThrow(RangeError);
  });

  it('leaves the input array in its original order', () => {
    const items = [row('a', 1), row('c', 3), row('b', 2)];
    paginate(items, { limit: 2 });
    expect(items.map((r) => r.id)).toEqual(['a', 'c', 'b']);
  });
});

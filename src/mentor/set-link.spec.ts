import { describe, expect, it } from 'vitest';
import { sampleSet } from './fixtures.ts';
import { decodeSetFragment, encodeSetLink, localAssignHref } from './set-link.ts';

const page = 'http://127.0.0.1:4321/assign/';

describe('set links', () => {
  it('carry the whole set in the fragment and decode to the same set', async () => {
    const link = await encodeSetLink(sampleSet(), page);
    const url = new URL(link);
    expect(url.origin + url.pathname).toBe(page);
    expect(url.search).toBe('');
    expect(url.hash).toMatch(/^#set=v1\.[A-Za-z0-9_-]+$/);
    expect(await decodeSetFragment(url.hash)).toEqual({ ok: true, value: sampleSet() });
  });

  it('keep non-ASCII notes intact and stay short for a 40-exercise set', async () => {
    const set = {
      ...sampleSet(),
      notes: 'Überprüfe die Fälligkeiten — 締め切り',
      exercises: Array.from({ length: 40 }, (_, i) => ({ id: `exercise-number-${i}`, due: '2026-12-01' })),
    };
    const link = await encodeSetLink(set, page);
    expect(link.length).toBeLessThan(1500);
    expect(await decodeSetFragment(new URL(link).hash)).toEqual({ ok: true, value: set });
  });

  it('say what is wrong with a missing, foreign, cut-off or invalid payload', async () => {
    const link = new URL(await encodeSetLink(sampleSet(), page));
    expect(await decodeSetFragment('')).toMatchObject({
      ok: false,
      error: expect.stringContaining('carries no exercise set'),
    });
    expect(await decodeSetFragment('#set=v9.abc')).toMatchObject({
      ok: false,
      error: expect.stringContaining('unknown encoding'),
    });
    expect(await decodeSetFragment(link.hash.slice(0, link.hash.length - 12))).toMatchObject({
      ok: false,
      error: expect.stringContaining('cut off or damaged'),
    });
    expect(await decodeSetFragment('#set=v1.%%%')).toMatchObject({
      ok: false,
      error: expect.stringContaining('cut off or damaged'),
    });

    const invalid = new URL(await encodeSetLink({ ...sampleSet(), exercises: [{ id: 'Not Kebab' }] }, page));
    expect(await decodeSetFragment(invalid.hash)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/damaged exercise set: field "exercises\[0\]\.id"/),
    });
  });
});

describe('localAssignHref', () => {
  it("keeps only the fragment, so a link from another host or port opens this workbook's assign page", () => {
    expect(localAssignHref('  http://localhost:8080/assign/#set=v1.abc  ', '/workbook/assign/')).toEqual({
      ok: true,
      value: '/workbook/assign/#set=v1.abc',
    });
    expect(localAssignHref('#set=v1.xyz', '/assign/')).toEqual({ ok: true, value: '/assign/#set=v1.xyz' });
  });

  it('says what is wrong with text that is not a set link', () => {
    const wrong = localAssignHref('http://127.0.0.1:4321/weeks/1/', '/assign/');
    expect(!wrong.ok && wrong.error).toContain('no "#set=…" part');
    const empty = localAssignHref('   ', '/assign/');
    expect(!empty.ok && empty.error).toBe('Paste the link your mentor sent first.');
  });
});

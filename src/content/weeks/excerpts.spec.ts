// Chapters quote the reference service; the service keeps changing. Every code block whose first
// line names a service file (`// service/src/x.ts (shortened)`) must still be that file's text, so
// a chapter can never teach code the service no longer has (issue 13).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Excerpt, findDrift, findExcerpts, normalise } from './excerpts.ts';

const dir = import.meta.dirname;
const root = join(dir, '..', '..', '..');
const excerpts: Excerpt[] = readdirSync(dir)
  .filter((name) => /^week-\d{2}\.mdx$/.test(name))
  .sort()
  .flatMap((name) => findExcerpts(name, readFileSync(join(dir, name), 'utf8')));

describe('service excerpts in the chapters', () => {
  it('are marked: the chapters quote the service in at least 20 places', () => {
    expect(excerpts.length).toBeGreaterThanOrEqual(20);
  });

  it.each(excerpts.map((e) => [`${e.chapter}:${e.line} ${e.source}`, e] as const))('%s matches its file', (_, e) => {
    const path = join(root, e.source);
    expect(existsSync(path), `${e.chapter} line ${e.line} quotes ${e.source}, which does not exist`).toBe(true);
    const drift = findDrift(e.code, readFileSync(path, 'utf8'));
    const where = drift && `${e.chapter} line ${e.line + 1 + drift.index}`;
    expect(
      drift,
      drift &&
        `${where}: "${drift.text.trim()}" is not in ${e.source} (in this order). Update the excerpt from the file, ` +
          'or mark skipped lines with a "// …" line.',
    ).toBeUndefined();
  });
});

describe('findExcerpts', () => {
  const chapter = [
    'Prose.',
    '```ts',
    '// service/src/a.ts (shortened)',
    'const a = 1;',
    '```',
    '```ts',
    '// After: service/src/b.ts',
    'b();',
    '```',
    '```ts',
    '// a sketch, not the service',
    'c();',
    '```',
  ].join('\n');

  it('finds blocks whose first line names a service file, with the line of the marker', () => {
    expect(findExcerpts('week-99.mdx', chapter)).toEqual([
      { chapter: 'week-99.mdx', line: 3, source: 'service/src/a.ts', code: ['const a = 1;'] },
      { chapter: 'week-99.mdx', line: 7, source: 'service/src/b.ts', code: ['b();'] },
    ]);
  });
});

describe('findDrift', () => {
  const file = [
    'export function f(x: number) {',
    '  // why it doubles',
    '  const y = x * 2;',
    '',
    '  return y;',
    '}',
    'export const z = f(1); // a comment the chapter may drop',
  ].join('\n');

  it('accepts a contiguous slice, re-indented, with blank lines dropped and annotations added', () => {
    expect(findDrift(['const   y = x * 2;', 'return y;   // the chapter explains'], file)).toBeUndefined();
    expect(findDrift(['  export const z = f(1);'], file)).toBeUndefined();
  });

  it('accepts elided lines only where a "// …" line says so', () => {
    expect(findDrift(['export function f(x: number) {', '// …', 'return y;'], file)).toBeUndefined();
    expect(findDrift(['export function f(x: number) {', 'return y;'], file)).toEqual({ index: 1, text: 'return y;' });
  });

  it('reports the first line that changed', () => {
    expect(findDrift(['// why it doubles', 'const y = x * 3;'], file)).toEqual({ index: 1, text: 'const y = x * 3;' });
  });

  it('requires the elided runs in file order', () => {
    expect(findDrift(['return y;', '// …', '// why it doubles'], file)).toEqual({ index: 2, text: '// why it doubles' });
  });

  it('treats a spread as code, not as an elision', () => {
    expect(findDrift(['...rest,'], file)).toEqual({ index: 0, text: '...rest,' });
  });

  it('normalises whitespace and trailing comments only', () => {
    expect(normalise('  a  =  b; // note')).toBe('a=b;');
    expect(normalise("url('http://x')")).toBe("url('http://x')");
  });
});

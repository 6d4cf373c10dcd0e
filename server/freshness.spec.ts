import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildState } from './freshness.ts';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

function setup(): { dist: string; chapter: string } {
  root = mkdtempSync(join(tmpdir(), 'workbook-fresh-'));
  const dist = join(root, 'dist');
  mkdirSync(join(root, 'src', 'content', 'weeks'), { recursive: true });
  const chapter = join(root, 'src', 'content', 'weeks', 'week-01.mdx');
  writeFileSync(chapter, '---\nweek: 1\n---');
  return { dist, chapter };
}
const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);

describe('buildState', () => {
  it('is stale when there is no build yet', () => {
    const { dist } = setup();
    expect(buildState(root, dist, ['src'])).toEqual({
      stale: true,
      reason: `${join(dist, 'index.html')} does not exist`,
    });
  });

  it('is fresh when the build is newer than every input, stale when a nested file changes later', () => {
    const { dist, chapter } = setup();
    mkdirSync(dist);
    writeFileSync(join(dist, 'index.html'), '<!doctype html>');
    for (const p of [chapter, join(root, 'src', 'content', 'weeks'), join(root, 'src', 'content'), join(root, 'src')])
      at(p, 1000);
    at(join(dist, 'index.html'), 2000);
    expect(buildState(root, dist, ['src'])).toEqual({ stale: false });
    at(chapter, 3000);
    expect(buildState(root, dist, ['src'])).toEqual({ stale: true, reason: 'src changed after the last build' });
  });
});

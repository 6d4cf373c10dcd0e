// The chapter collection's guard rails, through Astro itself: `astro sync` on fixture chapters must
// fail naming the file and the field. (Only failing cases run here, so the shared .astro/ content
// store is never replaced by fixtures.)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function chapter(week: number, extra = ''): string {
  return `---
week: ${week}
phase: 1
title: "A fixture chapter"
summary: "A chapter used only by the content collection tests."
objectives: ["Read a fixture"]
topics: ["Fixtures"]
hours: 1
${extra}
---

## Body
`;
}

function sync(files: Record<string, string>): { status: number | null; output: string } {
  dir = mkdtempSync(join(tmpdir(), 'workbook-weeks-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const run = spawnSync(process.execPath, [astro, 'sync'], {
    cwd: root,
    env: { ...process.env, WORKBOOK_WEEKS_DIR: dir },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

describe('weeks collection', () => {
  it('fails on an exercise id that does not exist, naming the file, the field and the id', () => {
    const { status, output } = sync({ 'week-01.mdx': chapter(1, 'exercises: ["no-such-exercise"]') });
    expect(status).not.toBe(0);
    expect(output).toContain('week-01.mdx');
    expect(output).toContain('exercises.0');
    expect(output).toContain('names exercise "no-such-exercise", which does not exist');
  });

  it('fails when the week number and the file name disagree', () => {
    const { status, output } = sync({ 'week-02.mdx': chapter(3) });
    expect(status).not.toBe(0);
    expect(output).toContain('week-02.mdx: field "week" is 3 but the file name says 2');
  });

  it('fails on a front-matter field with the wrong type, naming it', () => {
    const { status, output } = sync({ 'week-01.mdx': chapter(1).replace('hours: 1', 'hours: "a lot"') });
    expect(status).not.toBe(0);
    expect(output).toContain('week-01.mdx');
    expect(output).toContain('hours');
  });
});

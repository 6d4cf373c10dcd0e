// The capstone pages and the hidden suites cannot drift: every check a suite declares is listed in
// its rules.md (which the milestone page renders), and every check rules.md names exists.
import { existsSync, mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { milestoneChecks } from '../../grader/project/run-suite.ts';
import { PROJECT_MILESTONES } from '../schemas/project.ts';
import { milestoneRules, resolveChapterLinks } from './capstone.ts';

const repo = resolve(import.meta.dirname, '../..');
const withSuite = PROJECT_MILESTONES.filter((m) => {
  const dir = join(repo, 'checks', 'project', m);
  return existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.spec.ts'));
});

describe('capstone rules.md and the suites', () => {
  it('covers the milestones that have suites (m1–m3 at least)', () => {
    expect(withSuite).toEqual(expect.arrayContaining(['m1', 'm2', 'm3']));
  });

  it.each(withSuite)('%s: rules.md names exactly the checks its suite declares', (m) => {
    const rules = milestoneRules(repo, m);
    expect(rules, `checks/project/${m}/rules.md is missing`).toBeDefined();
    const listed = (rules ?? []).flatMap((r) => (r.check ? [r.check] : []));
    expect([...listed].sort()).toEqual([...milestoneChecks(repo, m)].sort());
  });

  it.each(PROJECT_MILESTONES)('%s has a page (src/content/capstone/%s.md)', (m) => {
    expect(existsSync(join(repo, 'src', 'content', 'capstone', `${m}.md`))).toBe(true);
  });
});

describe('milestoneRules', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const write = (text: string) => {
    dir = mkdtempSync(join(tmpdir(), 'capstone-rules-'));
    mkdirSync(join(dir, 'checks', 'project', 'm1'), { recursive: true });
    writeFileSync(join(dir, 'checks', 'project', 'm1', 'rules.md'), text);
    return dir;
  };

  it('reads quoted check names (escaped quotes, pipes in code) and unchecked rules', () => {
    const root = write(
      '| # | rule | check | variant |\n|---|---|---|---|\n| 1 | a `a|b` rule | "says \\"ok\\"" | — |\n| 2 | later | — not checked yet | — |\n',
    );
    expect(milestoneRules(root, 'm1')).toEqual([
      { rule: 'a `a|b` rule', check: 'says "ok"' },
      { rule: 'later', check: undefined },
    ]);
  });

  it('is undefined without rules.md and fails naming the line on a short row', () => {
    const root = write('| # | rule |\n| 1 | only a rule |\n');
    expect(milestoneRules(root, 'm2')).toBeUndefined();
    expect(() => milestoneRules(root, 'm1')).toThrow(/rules\.md:2: a rule row needs/);
  });
});

describe('resolveChapterLinks', () => {
  const headings = (week: number) => (week === 1 ? [{ text: 'CQRS: commands', slug: 'cqrs-commands' }] : undefined);
  const href = (week: number, slug: string) => `/weeks/${week}/#${slug}`;

  it('links a heading to its anchor', () => {
    expect(
      resolveChapterLinks('m1.md', [{ week: 1, heading: 'CQRS: commands', for: 'the bus' }], headings, href),
    ).toEqual([{ href: '/weeks/1/#cqrs-commands', week: 1, heading: 'CQRS: commands', for: 'the bus' }]);
  });

  it('fails naming the file and field for a heading the chapter lacks, or a week without a chapter', () => {
    expect(() => resolveChapterLinks('m1.md', [{ week: 1, heading: 'CQRS', for: 'x' }], headings, href)).toThrow(
      'm1.md: teaches[0].heading "CQRS" is not a heading of week 1',
    );
    expect(() => resolveChapterLinks('m1.md', [{ week: 2, heading: 'CQRS', for: 'x' }], headings, href)).toThrow(
      'm1.md: teaches[0].week 2 has no chapter',
    );
  });
});

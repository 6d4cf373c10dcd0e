// The shape every chapter promises (issues 2 and 6): a "Check yourself" section whose answers are
// folded away, a reading list of titles and authors without links, enough real teaching, nothing
// fetched from another origin, and checklist ids that are unique across the workbook (they key the
// learner's saved ticks). The build validates the front matter itself (src/content.config.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = import.meta.dirname;
const chapters = readdirSync(dir)
  .filter((name) => /^week-\d{2}\.mdx$/.test(name))
  .sort()
  .map((name) => ({ name, week: Number(name.slice(5, 7)), text: readFileSync(join(dir, name), 'utf8') }));

/** The chapter body without front matter, code blocks, imports and component tags: what a reader reads as prose. */
function prose(text: string): string {
  return text
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/```[\s\S]*?```/g, '')
    .replace(/^import .*$/gm, '')
    .replace(/<[A-Z][A-Za-z]*[\s\S]*?\/>/g, '');
}

function section(text: string, heading: string): string | undefined {
  const start = text.indexOf(`\n## ${heading}\n`);
  if (start === -1) return undefined;
  const rest = text.slice(start + heading.length + 5);
  const next = rest.search(/\n## /);
  return next === -1 ? rest : rest.slice(0, next);
}

describe('week chapters', () => {
  it('exist for all twelve weeks', () => {
    expect(chapters.map((c) => c.week)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  describe.each(chapters)('$name', ({ week, text }) => {
    it('teaches enough: at least 1,200 words of prose in weeks 1–3, 700 in weeks 4–12', () => {
      const words = prose(text).split(/\s+/).filter(Boolean).length;
      expect(words, `${words} words`).toBeGreaterThanOrEqual(week <= 3 ? 1200 : 700);
    });

    it('ends with "Check yourself", every question answered in a folded <details>', () => {
      const check = section(text, 'Check yourself');
      expect(check, 'a "## Check yourself" section').toBeDefined();
      const questions = check?.match(/^\d+\. /gm) ?? [];
      const answers = check?.match(/<details>\s*<summary>Answer<\/summary>/g) ?? [];
      expect(questions.length, 'at least three questions').toBeGreaterThanOrEqual(3);
      expect(answers.length, 'one folded answer per question').toBe(questions.length);
    });

    it('has a reading list of titles and authors, without links', () => {
      const reading = section(text, 'Reading list');
      expect(reading, 'a "## Reading list" section').toBeDefined();
      const items = reading?.split('\n').filter((line) => line.startsWith('- ')) ?? [];
      expect(items.length, 'at least three entries').toBeGreaterThanOrEqual(3);
      for (const item of items) {
        expect(item, 'entries name a title, then " — ", then the author').toMatch(/^- .{3,} — .{2,}/);
        expect(item, 'no links in the reading list').not.toMatch(/\]\(|https?:\/\/|www\./);
      }
    });

    it('loads nothing from another origin: no remote links, images or sources', () => {
      const body = prose(text);
      expect(body.match(/\]\((?:https?:)?\/\/[^)]*\)/g) ?? [], 'Markdown links or images to other origins').toEqual([]);
      expect(body.match(/(?:src|href)=["'](?:https?:)?\/\/[^"']*/g) ?? [], 'src/href to other origins').toEqual([]);
    });
  });

  it('uses each checklist id once across the workbook (ids key the saved ticks)', () => {
    const ids = chapters.flatMap((c) => [...c.text.matchAll(/<Checklist[\s\S]*?\bid="([^"]+)"/g)].map((m) => `${m[1]} (${c.name})`));
    const bare = ids.map((entry) => entry.split(' ')[0]);
    const duplicates = ids.filter((_, i) => bare.indexOf(bare[i]) !== i);
    expect(duplicates).toEqual([]);
    expect(bare.length, 'the final-project options have their checklists').toBeGreaterThanOrEqual(6);
  });
});

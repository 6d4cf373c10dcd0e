// Hints and chapters teach; they must not hand over the answer (issue 13 §3). An exercise's "answer
// lines" are the lines of its solution that the starter does not already contain; a line counts
// when it has at least MIN_SIGNIFICANT non-space characters (shorter ones, like `}` or `return x;`,
// are shared by every program). Whitespace is ignored when comparing, so re-indenting does not hide a copy.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type LoadedExercise, loadExercises } from './load.ts';

const MIN_SIGNIFICANT = 20;
/** A chapter code block holding this share of an exercise's answer lines (and at least two) is its answer. */
const MAX_SHARE_IN_CHAPTER = 0.8;

const root = join(import.meta.dirname, '..', '..');
const catalog = loadExercises(root);
const squash = (s: string) => s.replace(/\s+/g, '');
/** Comment lines explain the answer; they are not the answer (and a chapter may well say the same). */
const isComment = (squashed: string) => /^(\/\/|\/\*|\*)/.test(squashed);

/** The solution's lines the starter lacks, whitespace removed, long enough to be telling. */
function answerLines(exercise: Pick<LoadedExercise, 'starter' | 'solution'>): string[] {
  const lines = new Set<string>();
  for (const [path, solution] of Object.entries(exercise.solution)) {
    const given = new Set((exercise.starter[path] ?? '').split('\n').map(squash));
    for (const line of solution.split('\n').map(squash))
      if (line.length >= MIN_SIGNIFICANT && !given.has(line) && !isComment(line)) lines.add(line);
  }
  return [...lines];
}

/** Fenced code blocks of a chapter (``` on its own line opens and closes one). */
function codeBlocks(text: string): string[] {
  const blocks: string[] = [];
  let current: string[] | undefined;
  for (const line of text.split('\n')) {
    if (line.trimStart().startsWith('```')) {
      if (current) blocks.push(current.join('\n'));
      current = current ? undefined : [];
    } else current?.push(line);
  }
  return blocks;
}

const weeksDir = join(root, 'src', 'content', 'weeks');
const chapters = readdirSync(weeksDir)
  .filter((n) => /^week-\d{2}\.mdx$/.test(n))
  .sort()
  .map((name) => ({ name, blocks: codeBlocks(readFileSync(join(weeksDir, name), 'utf8')).map(squash) }));

describe('the rule itself', () => {
  it('finds answer lines the starter lacks, ignoring whitespace, comments and short lines', () => {
    const lines = answerLines({
      starter: { 'a.ts': 'export function f() {\n  throw new Error("todo");\n}\n' },
      solution: {
        'a.ts':
          'export function f() {\n  // the answer, computed with care\n  return computeTheAnswerCarefully(42);\n}\n',
      },
    });
    expect(lines).toEqual(['returncomputeTheAnswerCarefully(42);']);
  });
  it('reads fenced code blocks, not the prose around them', () => {
    expect(codeBlocks('text\n```ts\nconst a = 1;\n```\nmore\n```\nb\n```\n')).toEqual(['const a = 1;', 'b']);
  });
});

describe.each(catalog.map((e) => ({ id: e.manifest.id, exercise: e })))('$id', ({ exercise }) => {
  const answers = answerLines(exercise);

  it(`no hint contains a solution line of ${MIN_SIGNIFICANT}+ significant characters`, () => {
    const hints = exercise.manifest.hints.map(squash);
    const copied = answers.filter((line) => hints.some((h) => h.includes(line)));
    expect(copied, 'rephrase these hints so they point the way without giving the line').toEqual([]);
  });

  it("no chapter code block is the exercise's answer", () => {
    const found = chapters.flatMap(({ name, blocks }) =>
      blocks
        .map((block) => answers.filter((line) => block.includes(line)).length)
        .filter((n) => n >= 2 && n >= answers.length * MAX_SHARE_IN_CHAPTER)
        .map((n) => `${name}: a code block holds ${n} of the ${answers.length} answer lines`),
    );
    expect(found, 'show the idea on another example, or leave the part the exercise asks for out').toEqual([]);
  });
});

// What the capstone's milestone pages compute at build time: the rules each hidden suite checks
// (checks/project/<m>/rules.md, so the page lists exactly what the suite tests) and the chapter
// sections a milestone links to (checked against the chapters' real headings).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CapstoneChapterLink } from '../schemas/capstone.ts';
import type { ProjectMilestone } from '../schemas/project.ts';

export interface MilestoneRule {
  /** The rule in a few words (rules.md's "rule" column). */
  rule: string;
  /** The check that fails when only this rule is broken; undefined when the rule is not checked yet. */
  check: string | undefined;
}

export const rulesPath = (repo: string, milestone: ProjectMilestone) =>
  join(repo, 'checks', 'project', milestone, 'rules.md');

/** The rows of a milestone's rules.md, or undefined when it has none yet. Malformed rows fail naming the line. */
export function milestoneRules(repo: string, milestone: ProjectMilestone): MilestoneRule[] | undefined {
  const file = rulesPath(repo, milestone);
  if (!existsSync(file)) return undefined;
  const rows: MilestoneRule[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!/^\|\s*\d+\s*\|/.test(line)) return;
      const cells = splitRow(line);
      const [, rule, check] = cells;
      if (cells.length < 3 || !rule || check === undefined)
        throw new Error(`${file}:${i + 1}: a rule row needs "| # | rule | check | variant |", got: ${line}`);
      const quoted = /^"((?:[^"\\]|\\.)*)"$/.exec(check);
      rows.push({ rule, check: quoted ? (quoted[1] ?? '').replace(/\\(.)/g, '$1') : undefined });
    });
  if (rows.length === 0) throw new Error(`${file}: no rule rows (| 1 | rule | "check name" | variant |)`);
  return rows;
}

/** Cells of a Markdown table row; `\|` and pipes inside `code` do not split. */
function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let code = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && line[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (c === '`') {
      code = !code;
      cell += c;
    } else if (c === '|' && !code) {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  return cells.slice(1);
}

export interface Heading {
  text: string;
  slug: string;
}

export interface ResolvedChapterLink {
  href: string;
  week: number;
  heading: string;
  for: string;
}

/** Each link's chapter anchor; a heading the chapter does not have fails naming the file and field. */
export function resolveChapterLinks(
  file: string,
  links: readonly CapstoneChapterLink[],
  headingsOf: (week: number) => readonly Heading[] | undefined,
  href: (week: number, slug: string) => string,
): ResolvedChapterLink[] {
  return links.map((link, i) => {
    const headings = headingsOf(link.week);
    if (!headings) throw new Error(`${file}: teaches[${i}].week ${link.week} has no chapter`);
    const found = headings.find((h) => h.text === link.heading);
    if (!found)
      throw new Error(
        `${file}: teaches[${i}].heading "${link.heading}" is not a heading of week ${link.week}; write it exactly as the chapter does`,
      );
    return { href: href(link.week, found.slug), week: link.week, heading: link.heading, for: link.for };
  });
}

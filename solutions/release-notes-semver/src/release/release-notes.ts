export interface ParsedCommit {
  type: string;
  scope?: string;
  description: string;
  breaking: boolean;
}

const HEADER = /^(\w+)(?:\(([^)]+)\))?(!)?: (.+)$/;

/** Reads a Conventional Commit message; undefined when it does not follow the format. */
export function parseCommit(message: string): ParsedCommit | undefined {
  const [header = '', ...body] = message.split(/\r?\n/);
  const m = HEADER.exec(header.trim());
  if (!m) return undefined;
  const breaking = m[3] === '!' || body.some((line) => line.startsWith('BREAKING CHANGE:'));
  return { type: m[1]!.toLowerCase(), ...(m[2] ? { scope: m[2] } : {}), description: m[4]!.trim(), breaking };
}

type Bump = 'major' | 'minor' | 'patch' | 'none';

function bumpOf(commits: ParsedCommit[]): Bump {
  if (commits.some((c) => c.breaking)) return 'major';
  if (commits.some((c) => c.type === 'feat')) return 'minor';
  if (commits.some((c) => c.type === 'fix' || c.type === 'perf')) return 'patch';
  return 'none';
}

const parseAll = (messages: readonly string[]) => messages.map(parseCommit).filter((c): c is ParsedCommit => c !== undefined);

/** The semantic version after these commits. */
export function nextVersion(current: string, messages: readonly string[]): string {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(current);
  if (!m) throw new RangeError(`"${current}" is not a semantic version like 1.4.2`);
  let [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3])];
  let bump = bumpOf(parseAll(messages));
  // Before 1.0.0 the public API is not stable yet: every change moves one level down.
  if (major === 0) bump = bump === 'major' ? 'minor' : bump === 'minor' ? 'patch' : bump;
  if (bump === 'major') [major, minor, patch] = [major + 1, 0, 0];
  if (bump === 'minor') [minor, patch] = [minor + 1, 0];
  if (bump === 'patch') patch += 1;
  return `${major}.${minor}.${patch}`;
}

const entry = (c: ParsedCommit) => (c.scope ? `- **${c.scope}:** ${c.description}` : `- ${c.description}`);

/** Markdown release notes grouped by kind of change. */
export function renderNotes(version: string, messages: readonly string[]): string {
  const commits = parseAll(messages);
  const sections: [string, ParsedCommit[]][] = [
    ['Breaking changes', commits.filter((c) => c.breaking)],
    ['Features', commits.filter((c) => !c.breaking && c.type === 'feat')],
    ['Fixes', commits.filter((c) => !c.breaking && (c.type === 'fix' || c.type === 'perf'))],
  ];
  const parts = [`## ${version}`];
  for (const [title, list] of sections) if (list.length > 0) parts.push(`### ${title}\n\n${list.map(entry).join('\n')}`);
  return `${parts.join('\n\n')}\n`;
}

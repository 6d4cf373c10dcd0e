export type MigrationRule =
  | 'DROP_COLUMN'
  | 'DROP_TABLE'
  | 'RENAME_COLUMN'
  | 'ADD_NOT_NULL_WITHOUT_DEFAULT'
  | 'SET_NOT_NULL'
  | 'INDEX_NOT_CONCURRENT';

export interface MigrationFinding {
  rule: MigrationRule;
  /** 1-based index of the statement in the file. */
  statement: number;
  /** 1-based line where the statement starts. */
  line: number;
  message: string;
}

const RULES: { rule: MigrationRule; test: (s: string) => boolean; why: string }[] = [
  { rule: 'DROP_COLUMN', test: (s) => /^ALTER TABLE \S+ .*\bDROP COLUMN\b/.test(s), why: 'the running version may still read this column; drop it in a later release' },
  { rule: 'DROP_TABLE', test: (s) => /^DROP TABLE\b/.test(s), why: 'the running version may still use this table' },
  { rule: 'RENAME_COLUMN', test: (s) => /^ALTER TABLE \S+ .*\bRENAME COLUMN\b/.test(s), why: 'old code queries the old name; add a new column and backfill instead' },
  {
    rule: 'ADD_NOT_NULL_WITHOUT_DEFAULT',
    test: (s) => /^ALTER TABLE \S+ .*\bADD COLUMN\b.*\bNOT NULL\b/.test(s) && !/\bDEFAULT\b/.test(s),
    why: 'existing rows have no value and old code inserts without it; add a DEFAULT or make it nullable first',
  },
  { rule: 'SET_NOT_NULL', test: (s) => /^ALTER TABLE \S+ .*\bALTER COLUMN\b.*\bSET NOT NULL\b/.test(s), why: 'scans the whole table under an exclusive lock' },
  { rule: 'INDEX_NOT_CONCURRENT', test: (s) => /^CREATE (UNIQUE )?INDEX\b/.test(s) && !/^CREATE (UNIQUE )?INDEX CONCURRENTLY\b/.test(s), why: 'blocks writes while the index builds; use CREATE INDEX CONCURRENTLY' },
];

/** Every unsafe statement in a migration, ordered by statement. */
export function lintMigration(sql: string): MigrationFinding[] {
  const lines = sql.split(/\r?\n/);
  // Suppressions by the line they apply to (the next non-blank line after the comment).
  const ignored = new Map<number, Set<string>>();
  lines.forEach((text, i) => {
    const m = /^\s*--\s*lint-ignore:\s*(.+)$/.exec(text);
    if (!m) return;
    let target = i + 1;
    while (target < lines.length && lines[target]!.trim() === '') target++;
    ignored.set(target + 1, new Set(m[1]!.split(',').map((r) => r.trim())));
  });
  // Comments become blanks of the same length, so positions and line numbers do not move.
  const code = lines.map((l) => l.replace(/--.*$/, (c) => ' '.repeat(c.length))).join('\n');

  const findings: MigrationFinding[] = [];
  let statement = 0;
  let offset = 0;
  for (const raw of code.split(';')) {
    const start = offset + (raw.length - raw.trimStart().length);
    offset += raw.length + 1;
    const text = raw.trim().replace(/\s+/g, ' ').toUpperCase();
    if (text === '') continue;
    statement += 1;
    const line = code.slice(0, start).split('\n').length;
    for (const { rule, test, why } of RULES) {
      if (test(text) && !ignored.get(line)?.has(rule)) findings.push({ rule, statement, line, message: `statement ${statement} (line ${line}): ${why}` });
    }
  }
  return findings;
}

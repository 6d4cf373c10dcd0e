// Code excerpts a chapter presents as coming from the reference service (issue 13): a fenced block
// whose first line is a comment naming the file, e.g. `// service/src/x.ts (shortened)` or
// `// After: service/src/x.ts`. The reader sees that line as the source; excerpts.spec.ts holds the
// chapter to it, so a change to the service that the chapter does not follow fails a test.

/** One marked code block of a chapter. */
export interface Excerpt {
  /** The chapter's file name, for messages. */
  chapter: string;
  /** 1-based line of the marker comment in the chapter. */
  line: number;
  /** Path of the quoted file, relative to the repository root (starts with `service/`). */
  source: string;
  /** The block's lines after the marker. */
  code: string[];
}

/** Where an excerpt stops matching its file; undefined when it matches. */
export interface Drift {
  /** 0-based index into `Excerpt.code` of the first line that cannot be found. */
  index: number;
  /** That line as the chapter has it. */
  text: string;
}

/** A first-line comment that names a file of the service; anything after the path is free text. */
const MARKER = /^\s*(?:\/\/|#)\s*(?:After:\s*)?(service\/[\w./-]*\w\.[a-z]+)(?=$|[\s,:(])/;

/**
 * An elision: `…` or `...` on its own, or a comment that starts with one (`// … the other fields`).
 * A spread such as `...overrides,` is code, not an elision.
 */
const ELISION = /^(?:(?:\/\/|#|\/\*)\s*)?(?:…|\.\.\.)(?:$|\s|\*\/)/;
const isElision = (line: string) => {
  const trimmed = line.trim();
  return ELISION.test(trimmed) && !/^(?:…|\.\.\.)\S/.test(trimmed);
};

/**
 * A line as compared: a trailing ` // comment` dropped (chapters may annotate a line, files may
 * comment one), then every whitespace character removed, so re-indenting or aligning columns is
 * not drift but changing a token is.
 */
export function normalise(line: string): string {
  return line.replace(/(\S)\s+\/\/\s.*$/, '$1').replace(/\s+/g, '');
}

/** The marked excerpts of one chapter, in order. Fences of three or more backticks or tildes. */
export function findExcerpts(chapter: string, text: string): Excerpt[] {
  const lines = text.split('\n');
  const excerpts: Excerpt[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^\s*(`{3,}|~{3,})/.exec(lines[i] ?? '');
    if (!open?.[1]) continue;
    const fence = open[1];
    let end = i + 1;
    while (end < lines.length && !(lines[end] ?? '').trim().startsWith(fence)) end++;
    const body = lines.slice(i + 1, end);
    const source = MARKER.exec(body[0] ?? '')?.[1];
    if (source) excerpts.push({ chapter, line: i + 2, source, code: body.slice(1) });
    i = end;
  }
  return excerpts;
}

/**
 * Whether `code` is the file's text: each run of lines between elisions must equal consecutive
 * lines of the file (blank lines ignored on both sides), and the runs must appear in order.
 */
export function findDrift(code: string[], fileText: string): Drift | undefined {
  const file = fileText
    .split('\n')
    .map(normalise)
    .filter((line) => line !== '');
  const runs: { index: number; norm: string }[][] = [[]];
  code.forEach((text, index) => {
    if (isElision(text)) runs.push([]);
    else if (normalise(text) !== '') runs.at(-1)?.push({ index, norm: normalise(text) });
  });
  let from = 0;
  for (const run of runs) {
    if (run.length === 0) continue;
    let best = { matched: -1, at: -1 };
    for (let start = from; start < file.length; start++) {
      let matched = 0;
      while (matched < run.length && file[start + matched] === run[matched]?.norm) matched++;
      if (matched === run.length) {
        best = { matched, at: start };
        break;
      }
      if (matched > best.matched) best = { matched, at: start };
    }
    if (best.matched < run.length) {
      const missing = run[Math.max(best.matched, 0)] ?? run[0];
      return { index: missing?.index ?? 0, text: code[missing?.index ?? 0] ?? '' };
    }
    from = best.at + run.length;
  }
  return undefined;
}

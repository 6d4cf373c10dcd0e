export interface AdrProblem {
  /** 1-based line number, or null when the problem is something missing. */
  line: number | null;
  message: string;
}

export const REQUIRED_SECTIONS = ['Status', 'Context', 'Decision', 'Consequences'] as const;

const TITLE = /^# ADR-\d+: \S.*$/;
const STATUS = /^(Proposed|Accepted|Deprecated|Superseded by ADR-\d+)$/;

interface Heading {
  name: string;
  index: number;
}

/** Returns every rule the ADR breaks, sorted by line; [] when it is valid. */
export function lintAdr(markdown: string): AdrProblem[] {
  const lines = markdown.split(/\r?\n/);
  const problems: AdrProblem[] = [];
  if (!TITLE.test(lines[0]?.trim() ?? '')) {
    problems.push({ line: 1, message: 'line 1 must be a title like "# ADR-7: Use PostgreSQL"' });
  }

  const headings: Heading[] = [];
  lines.forEach((text, index) => {
    const match = /^##\s+(.+?)\s*$/.exec(text);
    if (match?.[1]) headings.push({ name: match[1], index });
  });
  const bodyOf = (h: Heading): string[] => {
    const next = headings.find((o) => o.index > h.index);
    return lines.slice(h.index + 1, next ? next.index : lines.length);
  };

  const firstOf = new Map<string, Heading>();
  for (const h of headings) {
    if (!(REQUIRED_SECTIONS as readonly string[]).includes(h.name)) continue;
    if (firstOf.has(h.name)) problems.push({ line: h.index + 1, message: `section "${h.name}" appears twice` });
    else firstOf.set(h.name, h);
  }

  let previous: Heading | undefined;
  for (const name of REQUIRED_SECTIONS) {
    const h = firstOf.get(name);
    if (!h) {
      problems.push({ line: null, message: `section "${name}" is missing` });
      continue;
    }
    if (previous && h.index < previous.index) {
      problems.push({ line: h.index + 1, message: `section "${name}" must come after "${previous.name}"` });
    }
    previous = h;
    const body = bodyOf(h);
    const first = body.findIndex((l) => l.trim() !== '');
    if (first < 0) {
      problems.push({ line: h.index + 1, message: `section "${name}" is empty` });
    } else if (name === 'Status' && !STATUS.test(body[first]!.trim())) {
      problems.push({
        line: h.index + 2 + first,
        message: `status "${body[first]!.trim()}" must be Proposed, Accepted, Deprecated or "Superseded by ADR-<n>"`,
      });
    }
  }
  return problems.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
}

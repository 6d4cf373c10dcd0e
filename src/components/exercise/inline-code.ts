// Hints are short Markdown-ish strings in the manifest: `backticks` mark code. Only that is
// interpreted; everything else stays text, so a hint can never inject markup into the page.

export interface InlinePart {
  text: string;
  code: boolean;
}

/** Splits `text` at paired backticks; an unpaired backtick stays as it is. */
export function inlineCode(text: string): InlinePart[] {
  const parts: InlinePart[] = [];
  let at = 0;
  for (const match of text.matchAll(/`([^`\n]+)`/g)) {
    const index = match.index ?? 0;
    if (index > at) parts.push({ text: text.slice(at, index), code: false });
    parts.push({ text: match[1] ?? '', code: true });
    at = index + match[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), code: false });
  return parts;
}

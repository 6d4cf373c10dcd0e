// A small JavaScript scanner for the browser engine (no parser ships to the page): blanks what is
// not code — comments, string and template text, regular expressions — keeping every offset and
// line, so a pattern searched in the result cannot match inside a string ("node -e 'process.exit(0)'")
// and a call found there can be cut from the original by the same offsets. Used at build time by
// the capability walk and at run time by the module linker, on compiled JavaScript.

/** After these a `/` starts a regular expression, not a division. */
const BEFORE_REGEX =
  /(^|[(,=:[!&|?{};+\-*%<>~^]|\b(return|typeof|case|do|else|in|of|new|delete|void|throw|instanceof|yield|await))\s*$/;

/** `code` with the contents of comments, strings, template text and regex literals replaced by spaces (newlines kept). */
export function maskLiterals(code: string): string {
  const out = code.split('');
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  // Open template literals: the brace depth at which each `${…}` closes back into template text.
  const templates: number[] = [];
  let depth = 0;
  let i = 0;
  const n = code.length;
  const readTemplate = (start: number): number => {
    // From `start` (just after ` or }), blank text up to the closing ` or the next `${`.
    let k = start;
    while (k < n) {
      const c = code[k];
      if (c === '\\') k += 2;
      else if (c === '`') {
        blank(start, k);
        return k + 1;
      } else if (c === '$' && code[k + 1] === '{') {
        blank(start, k);
        templates.push(depth);
        depth++;
        return k + 2;
      } else k++;
    }
    blank(start, n);
    return n;
  };
  while (i < n) {
    const c = code[i];
    const next = code[i + 1];
    if (c === '/' && next === '/') {
      const end = code.indexOf('\n', i);
      const stop = end === -1 ? n : end;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = code.indexOf('*/', i + 2);
      const stop = end === -1 ? n : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === "'" || c === '"') {
      let k = i + 1;
      while (k < n && code[k] !== c && code[k] !== '\n') k += code[k] === '\\' ? 2 : 1;
      blank(i + 1, Math.min(k, n));
      i = k + 1;
    } else if (c === '`') {
      i = readTemplate(i + 1);
    } else if (c === '/' && BEFORE_REGEX.test(out.slice(Math.max(0, i - 40), i).join(''))) {
      let k = i + 1;
      let inClass = false;
      while (k < n && code[k] !== '\n' && (inClass || code[k] !== '/')) {
        if (code[k] === '\\') k++;
        else if (code[k] === '[') inClass = true;
        else if (code[k] === ']') inClass = false;
        k++;
      }
      blank(i + 1, Math.min(k, n));
      i = k + 1;
    } else {
      if (c === '{' || c === '(' || c === '[') depth++;
      else if (c === '}' || c === ')' || c === ']') {
        depth--;
        if (c === '}' && templates.length > 0 && templates[templates.length - 1] === depth) {
          templates.pop();
          i = readTemplate(i + 1);
          continue;
        }
      }
      i++;
    }
  }
  return out.join('');
}

/** The offset just after the bracket that closes the one at `open` in masked code, or -1. */
export function closingBracket(masked: string, open: number): number {
  let depth = 0;
  for (let k = open; k < masked.length; k++) {
    const c = masked[k];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return k + 1;
    }
  }
  return -1;
}

/** Bracket depth of every offset's position in masked code (0 = top level of the module). */
export function depthAt(masked: string, offset: number): number {
  let depth = 0;
  for (let k = 0; k < offset; k++) {
    const c = masked[k];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
  }
  return depth;
}

/** Splits the text between a call's parentheses (masked) into argument ranges at top-level commas. */
export function argumentRanges(masked: string, open: number, close: number): [number, number][] {
  const ranges: [number, number][] = [];
  let depth = 0;
  let start = open + 1;
  for (let k = open + 1; k < close - 1; k++) {
    const c = masked[k];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      ranges.push([start, k]);
      start = k + 1;
    }
  }
  if (masked.slice(start, close - 1).trim() !== '') ranges.push([start, close - 1]);
  return ranges;
}

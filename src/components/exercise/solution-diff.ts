// The solution shown as a line diff against the learner's code, without an editor: the fallback
// when Monaco could not load, and the page's answer when the learner's code already matches.
import { diffLines } from 'diff';

export interface DiffLine {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Lines of `mine` → `solution`: removed lines are the learner's, added lines the solution's. */
export function lineDiff(mine: string, solution: string): DiffLine[] {
  const lines: DiffLine[] = [];
  for (const part of diffLines(mine, solution)) {
    const kind = part.added ? 'added' : part.removed ? 'removed' : 'same';
    const text = part.value.endsWith('\n') ? part.value.slice(0, -1) : part.value;
    for (const line of text.split('\n')) lines.push({ kind, text: line });
  }
  return lines;
}

/** Renders one file's diff as a <figure> with a <pre> of +/- lines. */
export function renderDiff(path: string, mine: string, solution: string): HTMLElement {
  const figure = document.createElement('figure');
  figure.className = 'solution-file';
  const caption = document.createElement('figcaption');
  caption.textContent = path;
  const pre = document.createElement('pre');
  const changes = lineDiff(mine, solution);
  for (const line of changes) {
    const el = document.createElement(line.kind === 'added' ? 'ins' : line.kind === 'removed' ? 'del' : 'span');
    el.textContent = `${line.kind === 'added' ? '+ ' : line.kind === 'removed' ? '- ' : '  '}${line.text}\n`;
    pre.append(el);
  }
  if (!changes.some((l) => l.kind !== 'same')) {
    caption.textContent = `${path}: your code already matches the solution.`;
    figure.append(caption);
    return figure;
  }
  figure.append(caption, pre);
  return figure;
}

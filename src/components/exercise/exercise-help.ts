// Help the learner asks for: hints one at a time, and the solution as a diff against their code.
import type { ExerciseContext } from './exercise-context.ts';
import type { SolutionDiffView } from './monaco-diff.ts';
import type { WorkbookEditor } from './monaco-editor.ts';
import { renderDiff } from './solution-diff.ts';

/** Wires the hint button (revealed hints are remembered) and the solution toggle. */
export function wireHelp(ctx: ExerciseContext, editor: WorkbookEditor): void {
  wireHints(ctx);
  wireSolution(ctx, editor);
}

function wireHints({ root, store, id, button }: ExerciseContext): void {
  const hints = [...root.querySelectorAll<HTMLElement>('[data-hint]')];
  const hintButton = button('hint');
  const showHints = (count: number) => {
    hints.forEach((hint, i) => {
      hint.hidden = i >= count;
    });
    if (hintButton) {
      hintButton.hidden = count >= hints.length;
      hintButton.textContent = `Show hint ${Math.min(count + 1, hints.length)} of ${hints.length}`;
    }
  };
  showHints(store.exercise(id)?.hintsUsed ?? 0);
  hintButton?.addEventListener('click', () => {
    const count = Math.min(hints.length, (store.exercise(id)?.hintsUsed ?? 0) + 1);
    store.recordHints(id, count);
    showHints(count);
    hints[count - 1]?.focus();
  });
}

/**
 * The solution toggle. The first reveal asks first (the solution teaches most after a real try);
 * once seen, that is remembered and it opens at once. Each file is a diff against the learner's
 * code: Monaco's diff editor when Monaco is up, a text diff otherwise.
 */
function wireSolution(ctx: ExerciseContext, editor: WorkbookEditor): void {
  const { store, id, q, button } = ctx;
  const toggle = button('solution');
  const area = q('[data-solution]');
  const confirm = q('[data-solution-confirm]');
  if (!toggle || !area) return;
  let views: SolutionDiffView[] = [];
  const close = () => {
    for (const view of views) view.dispose();
    views = [];
    area.replaceChildren();
    area.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    toggle.textContent = 'Show solution';
  };
  const open = () => {
    if (confirm) confirm.hidden = true;
    store.recordSolutionViewed(id);
    area.hidden = false;
    views = renderSolution(ctx, editor, area);
    toggle.setAttribute('aria-expanded', 'true');
    toggle.textContent = 'Hide solution';
  };
  toggle.addEventListener('click', () => {
    if (toggle.getAttribute('aria-expanded') === 'true') return close();
    if (store.exercise(id)?.solutionViewed || !confirm) return open();
    confirm.hidden = false;
    confirm.querySelector<HTMLButtonElement>('[data-action="solution-yes"]')?.focus();
  });
  button('solution-yes')?.addEventListener('click', open);
  button('solution-no')?.addEventListener('click', () => {
    if (confirm) confirm.hidden = true;
    toggle.focus();
  });
}

/** One figure per solution file; returns the diff views to dispose when the solution is hidden. */
function renderSolution(ctx: ExerciseContext, editor: WorkbookEditor, area: HTMLElement): SolutionDiffView[] {
  const mine = editor.files();
  const views: SolutionDiffView[] = [];
  area.replaceChildren();
  for (const [path, code] of Object.entries(ctx.data.solution)) {
    const same = (mine[path] ?? '').trimEnd() === code.trimEnd();
    if (same || !editor.solutionDiff) {
      area.append(renderDiff(path, mine[path] ?? '', code));
      continue;
    }
    const figure = document.createElement('figure');
    figure.className = 'solution-file';
    const caption = document.createElement('figcaption');
    caption.textContent = `${path}: your code (left) and the solution (right); unchanged lines are folded.`;
    const jump = document.createElement('button');
    jump.type = 'button';
    jump.className = 'button';
    jump.textContent = 'Go to the first change';
    const host = document.createElement('div');
    host.className = 'solution-diff';
    figure.append(caption, jump, host);
    area.append(figure);
    const view = editor.solutionDiff(host, path, code);
    if (!view) {
      figure.replaceWith(renderDiff(path, mine[path] ?? '', code));
      continue;
    }
    views.push(view);
    jump.addEventListener('click', () => view.firstChange());
  }
  return views;
}

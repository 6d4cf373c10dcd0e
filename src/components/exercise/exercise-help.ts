// Help the learner asks for: hints one at a time, and the solution as a diff against their code.
import type { ExerciseContext } from './exercise-context.ts';
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
    hints.forEach((hint, i) => (hint.hidden = i >= count));
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

function wireSolution({ store, id, data, q, button }: ExerciseContext, editor: WorkbookEditor): void {
  const solutionButton = button('solution');
  const diff = q('[data-solution]');
  solutionButton?.addEventListener('click', () => {
    if (!diff) return;
    const open = solutionButton.getAttribute('aria-expanded') === 'true';
    if (!open) {
      const mine = editor.files();
      diff.replaceChildren(
        ...Object.entries(data.solution).map(([path, code]) => renderDiff(path, mine[path] ?? '', code)),
      );
      store.recordSolutionViewed(id);
    }
    diff.hidden = open;
    solutionButton.setAttribute('aria-expanded', String(!open));
    solutionButton.textContent = open ? 'Show solution' : 'Hide solution';
  });
}

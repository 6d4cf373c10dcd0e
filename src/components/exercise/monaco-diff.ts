// The solution against the learner's code in Monaco's own diff editor: syntax colours, unchanged
// regions folded away, and a way to jump to the first change. Part of the editor chunk.
import * as monaco from 'monaco-editor/editor/editor.api';

export interface SolutionDiffView {
  /** Moves the cursor to the first change and scrolls it into view. */
  firstChange(): void;
  dispose(): void;
}

/**
 * Shows `solution` (right, or below on narrow screens) against the learner's live model `mine`.
 * The solution's model sits beside the learner's file (`task.entity.solution.ts`), so its imports
 * resolve and it is coloured and type-checked like the real file.
 */
export function createSolutionDiff(
  host: HTMLElement,
  mine: monaco.editor.ITextModel,
  solution: string,
  options: { fontSize: number; label: string },
): SolutionDiffView {
  const uri = mine.uri.with({ path: mine.uri.path.replace(/(\.[cm]?tsx?)?$/, '.solution$1') });
  const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(solution, 'typescript', uri);
  if (model.getValue() !== solution) model.setValue(solution);
  const diff = monaco.editor.createDiffEditor(host, {
    readOnly: true,
    originalEditable: false,
    automaticLayout: true,
    fontSize: options.fontSize,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    renderOverviewRuler: false,
    renderSideBySide: host.clientWidth >= 760,
    hideUnchangedRegions: { enabled: true, contextLineCount: 3, minimumLineCount: 4, revealLineCount: 20 },
    ariaLabel: options.label,
    fixedOverflowWidgets: true,
  });
  diff.setModel({ original: mine, modified: model });
  return {
    firstChange() {
      const first = diff.getLineChanges()?.[0];
      const target = diff.getModifiedEditor();
      if (!first) return void diff.revealFirstDiff();
      const line = Math.max(1, first.modifiedStartLineNumber);
      target.setPosition({ lineNumber: line, column: 1 });
      target.revealLineInCenter(line);
      target.focus();
    },
    dispose() {
      diff.dispose();
    },
  };
}

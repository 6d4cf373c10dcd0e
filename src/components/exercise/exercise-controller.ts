// Mounts an exercise once the learner is near it (loaded on demand by exercise-element.ts). Each
// part lives in its own module: exercise-editor (editor, tabs, problems, preferences),
// exercise-files (autosave, reset, download), exercise-run (engine, runs, results), exercise-stages
// (the two stages of a test-first exercise) and
// exercise-help (hints, solution). Parts read and write the stores only through their functions,
// and grade only through the engine interface.
import { type EditorData, parseEditorData } from '../../schemas/editor-data.ts';
import { progressStore } from '../../stores/progress.ts';
import { renderSaveNotice } from '../site/save-notice.ts';
import type { ExerciseContext } from './exercise-context.ts';
import { mountEditor, openLocation } from './exercise-editor.ts';
import { wireFiles } from './exercise-files.ts';
import { wireHelp } from './exercise-help.ts';
import { wireRuns } from './exercise-run.ts';
import { wireStages } from './exercise-stages.ts';
import type { WorkbookEditor } from './monaco-editor.ts';
import { ResultsView } from './results-view.ts';
import { startTypeScriptWorker } from './ts-worker-start.ts';

/** Wires one <workbook-exercise> element; resolves once the editor is ready. */
export async function mountExercise(root: HTMLElement): Promise<void> {
  const id = root.dataset['id'] ?? '';
  // The editor's TypeScript worker loads and parses its libraries while the editor chunk loads:
  // the first type check, and so the first grade, would otherwise wait for both one after the other.
  startTypeScriptWorker();
  const store = progressStore();
  const q = <T extends HTMLElement = HTMLElement>(selector: string) => root.querySelector<T>(selector);
  const button = (action: string) => q<HTMLButtonElement>(`[data-action="${action}"]`);
  const notice = q('[data-notice]');
  const say = (message: string) => {
    if (!notice) return;
    notice.hidden = false;
    notice.textContent = message;
  };
  const showNotice = () => {
    const n = store.$notice.get();
    if (n && notice) renderSaveNotice(notice, n, store, 'workbook-progress-unreadable.json');
  };
  showNotice();
  store.$notice.listen(showNotice);

  const data = await loadEditorData(root.dataset['editor'] ?? '');
  // Places in the learner's files that results name link to the editor, once it exists.
  let editor: WorkbookEditor | undefined;
  const results = new ResultsView(q('[data-results]') ?? root, {
    files: data.files.filter((f) => f.editable).map((f) => f.path),
    open: (location) => editor && openLocation(root, editor, location),
  });
  const ctx: ExerciseContext = { root, id, data, store, results, q, button, say };
  editor = await mountEditor(ctx);
  const saveNow = wireFiles(ctx, editor);
  wireRuns(ctx, editor, saveNow, wireStages(ctx));
  wireHelp(ctx, editor);

  (await import('./automation.ts')).installAutomation();
  root.dataset['ready'] = 'true';
  const pending = root.dataset['pendingAction'];
  delete root.dataset['pendingAction'];
  if (pending) button(pending)?.click();
}

/** Fetches the build's editor data for one exercise. */
async function loadEditorData(url: string): Promise<EditorData> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${response.url}`);
  return parseEditorData(await response.json(), response.url);
}

// The learner's files outside the editor: autosave to progress, reset to the starter with undo,
// and download.
import { starterFiles, type ExerciseContext } from './exercise-context.ts';
import type { WorkbookEditor } from './monaco-editor.ts';

const AUTOSAVE_MS = 400;

/** Wires autosave, reset/undo and download; returns `saveNow`, which runs call before grading. */
export function wireFiles(ctx: ExerciseContext, editor: WorkbookEditor): () => void {
  const { store, id, button, say } = ctx;
  let autosave: ReturnType<typeof setTimeout> | undefined;
  const saveNow = () => {
    clearTimeout(autosave);
    store.saveFiles(id, editor.files());
  };
  editor.onChange(() => {
    clearTimeout(autosave);
    autosave = setTimeout(saveNow, AUTOSAVE_MS);
  });
  addEventListener('pagehide', saveNow);

  let beforeReset: Record<string, string> | undefined;
  const undo = button('undo-reset');
  button('reset')?.addEventListener('click', () => {
    beforeReset = editor.files();
    editor.setFiles(starterFiles(ctx.data));
    saveNow();
    if (undo) undo.hidden = false;
    say('The files are back to the starter code. Use “Undo reset” to get your code back.');
  });
  undo?.addEventListener('click', () => {
    if (beforeReset) editor.setFiles(beforeReset);
    beforeReset = undefined;
    saveNow();
    undo.hidden = true;
    say('Your code is back.');
  });
  button('download')?.addEventListener('click', () => {
    for (const [path, content] of Object.entries(editor.files())) {
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([content], { type: 'text/typescript' }));
      link.download = path.split('/').pop() ?? 'file.ts';
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    }
  });
  return saveNow;
}

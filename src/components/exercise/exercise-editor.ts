// The exercise's editor: Monaco on demand (a plain textarea when it cannot load), its file tabs,
// the TypeScript problems line and the learner's editor preferences.
import type { FileLocation } from '../../schemas/report-locations.ts';
import { preferencesStore } from '../../stores/preferences.ts';
import { initialFiles, type ExerciseContext } from './exercise-context.ts';
import type { WorkbookEditor } from './monaco-editor.ts';
import { stopTypeScriptWorker } from './ts-worker-start.ts';

/** Creates the editor in the exercise's editor area and wires tabs, problems and preferences. */
export async function mountEditor(ctx: ExerciseContext): Promise<WorkbookEditor> {
  const { root, id, data, q } = ctx;
  const host = q('[data-editor-host]');
  if (!host) throw new Error(`exercise "${id}": the page has no editor area`);
  const initial = initialFiles(data, ctx.store, id);
  const tabs = data.files.map((f) => ({ ...f, content: f.editable ? (initial[f.path] ?? f.content) : f.content }));
  const prefs = preferencesStore();
  const preferences = prefs.$preferences.get();
  let editor: WorkbookEditor;
  try {
    const monaco = await import('./monaco-editor.ts');
    monaco.addLibs(id, data.libs);
    host.replaceChildren();
    editor = monaco.createEditor(host, id, tabs, {
      fontSize: preferences.fontSize,
      wordWrap: preferences.wordWrap,
      label: `Code editor for ${root.dataset['title'] ?? id}`,
    });
  } catch (error) {
    stopTypeScriptWorker();
    const { createPlainEditor } = await import('./plain-editor.ts');
    editor = createPlainEditor(host, tabs);
    ctx.say(`The code editor failed to load (${(error as Error).message}); a plain text area is used instead.`);
  }
  wireTabs(root, editor);
  wireProblems(ctx, editor);
  wirePreferences(ctx, editor);
  return editor;
}

/** Selects the tab of `location.path` (as a click would) and puts the cursor at the location. */
export function openLocation(root: HTMLElement, editor: WorkbookEditor, location: FileLocation): void {
  const tab = [...root.querySelectorAll<HTMLButtonElement>('[role="tab"]')].find(
    (t) => t.dataset['path'] === location.path,
  );
  tab?.click();
  editor.reveal(location);
}

/** Tabs follow the ARIA tabs pattern: click or arrow keys select, only the selected tab is tabbable. */
function wireTabs(root: HTMLElement, editor: WorkbookEditor): void {
  const tabButtons = [...root.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  const select = (tab: HTMLButtonElement) => {
    for (const other of tabButtons) {
      other.setAttribute('aria-selected', String(other === tab));
      other.tabIndex = other === tab ? 0 : -1;
    }
    editor.show(tab.dataset['path'] ?? '');
  };
  tabButtons.forEach((tab, i) => {
    tab.tabIndex = i === 0 ? 0 : -1;
    tab.addEventListener('click', () => select(tab));
    tab.addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      const next = tabButtons[(i + step + tabButtons.length) % tabButtons.length];
      if (!step || !next) return;
      event.preventDefault();
      select(next);
      next.focus();
    });
  });
}

function wireProblems(ctx: ExerciseContext, editor: WorkbookEditor): void {
  const problems = ctx.q('[data-problems]');
  editor.onProblems((list) => {
    if (!problems) return;
    problems.hidden = false;
    problems.dataset['count'] = String(list.length);
    problems.textContent =
      list.length === 0
        ? 'TypeScript: no problems.'
        : `TypeScript: ${list.length} problem${list.length === 1 ? '' : 's'}, first at ${list[0]}`;
  });
}

/** Editor preferences are shared by every editor on the page. */
function wirePreferences(ctx: ExerciseContext, editor: WorkbookEditor): void {
  const prefs = preferencesStore();
  const fontSize = ctx.q<HTMLInputElement>('[data-pref="fontSize"]');
  const wordWrap = ctx.q<HTMLInputElement>('[data-pref="wordWrap"]');
  prefs.$preferences.subscribe((p) => {
    editor.configure(p);
    if (fontSize) fontSize.value = String(p.fontSize);
    if (wordWrap) wordWrap.checked = p.wordWrap;
  });
  fontSize?.addEventListener('change', () => {
    const value = Math.round(Number(fontSize.value));
    if (value >= 10 && value <= 28) prefs.set({ fontSize: value });
    else fontSize.value = String(prefs.$preferences.get().fontSize);
  });
  wordWrap?.addEventListener('change', () => prefs.set({ wordWrap: wordWrap.checked }));
  prefs.$notice.listen((n) => n && ctx.say(n.message));
}

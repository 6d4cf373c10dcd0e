// Everything an exercise does once the learner is near it: editor, runs, hints, solution, reset,
// download, autosave. Loaded on demand by exercise-element.ts; reads and writes the stores only
// through their functions, and grades only through the engine interface.
import { EngineError, LOCAL_PROBLEM, NO_ENGINE_MESSAGE, type Engine } from '../../sandbox/index.ts';
import { preferencesStore } from '../../stores/preferences.ts';
import { progressStore } from '../../stores/progress.ts';
import { chooseEngine } from './engine-client.ts';
import { ResultsView } from './results-view.ts';
import { renderDiff } from './solution-diff.ts';
import type { WorkbookEditor } from './monaco-editor.ts';
import { renderSaveNotice } from '../site/save-notice.ts';
import type { EditorData } from '../../schemas/editor-data.ts';
import { renderIsolation } from './isolation-view.ts';

const AUTOSAVE_MS = 400;

/** Wires one <workbook-exercise> element; resolves once the editor is ready. */
export async function mountExercise(root: HTMLElement): Promise<void> {
  const id = root.dataset['id'] ?? '';
  const store = progressStore();
  const q = <T extends HTMLElement = HTMLElement>(selector: string) => root.querySelector<T>(selector);
  const button = (action: string) => q<HTMLButtonElement>(`[data-action="${action}"]`);
  const notice = q('[data-notice]');
  const engineLine = q('[data-engine-line]');
  const isolationLine = q('[data-isolation]');
  const results = new ResultsView(q('[data-results]') ?? root);
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

  const data = (await fetch(root.dataset['editor'] ?? '').then((r) => {
    if (!r.ok) throw new Error(`HTTP ${r.status} for ${r.url}`);
    return r.json();
  })) as EditorData;
  const starter = Object.fromEntries(data.files.filter((f) => f.editable).map((f) => [f.path, f.content]));
  const saved = store.exercise(id);
  const initial = {
    ...starter,
    ...Object.fromEntries(Object.entries(saved?.files ?? {}).filter(([p]) => p in starter)),
  };

  // ---- Editor: Monaco on demand, a plain textarea if it cannot load.
  const host = q('[data-editor-host]');
  if (!host) throw new Error(`exercise "${id}": the page has no editor area`);
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
    const { createPlainEditor } = await import('./plain-editor.ts');
    editor = createPlainEditor(host, tabs);
    say(`The code editor failed to load (${(error as Error).message}); a plain text area is used instead.`);
  }
  // Tabs follow the ARIA tabs pattern: click or arrow keys select, only the selected tab is tabbable.
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

  const problems = q('[data-problems]');
  editor.onProblems((list) => {
    if (!problems) return;
    problems.hidden = false;
    problems.dataset['count'] = String(list.length);
    problems.textContent =
      list.length === 0
        ? 'TypeScript: no problems.'
        : `TypeScript: ${list.length} problem${list.length === 1 ? '' : 's'}, first at ${list[0]}`;
  });

  // ---- Editor preferences, shared by every editor on the page.
  const fontSize = q<HTMLInputElement>('[data-pref="fontSize"]');
  const wordWrap = q<HTMLInputElement>('[data-pref="wordWrap"]');
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
  prefs.$notice.listen((n) => n && say(n.message));

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

  // ---- Engine and runs.
  let engine: Engine | null = null;
  void chooseEngine(data.browser).then((chosen) => {
    engine = chosen.engine;
    root.dataset['engine'] = engine?.name ?? 'none';
    if (engineLine)
      engineLine.textContent = engine
        ? `Checks run on: ${engine.label}.`
        : chosen.reason.startsWith(LOCAL_PROBLEM)
          ? chosen.reason
          : NO_ENGINE_MESSAGE;
  });
  let running: AbortController | undefined;
  const run = async () => {
    if (running) return;
    saveNow();
    const chosen = await chooseEngine(data.browser);
    if (!chosen.engine) {
      results.fail(
        chosen.reason.startsWith(LOCAL_PROBLEM) ? chosen.reason : `${NO_ENGINE_MESSAGE} (${chosen.reason})`,
        'unavailable',
      );
      return;
    }
    running = new AbortController();
    const runButton = button('run');
    const cancel = button('cancel');
    if (runButton) runButton.disabled = true;
    if (cancel) cancel.hidden = false;
    root.dataset['state'] = 'running';
    results.start(chosen.engine.label);
    try {
      const report = await chosen.engine.grade(
        { exerciseId: id, files: editor.files() },
        { signal: running.signal, onEvent: (e) => results.event(e) },
      );
      results.finish(report);
      if (isolationLine) renderIsolation(isolationLine, report);
      store.recordReport(id, report);
    } catch (error) {
      const cancelled = error instanceof EngineError && error.code === 'aborted';
      results.fail(cancelled ? 'Run cancelled.' : (error as Error).message, cancelled ? 'cancelled' : 'error');
    } finally {
      running = undefined;
      if (runButton) runButton.disabled = false;
      if (cancel) cancel.hidden = true;
      root.dataset['state'] = 'idle';
    }
  };
  editor.onRun(() => void run());
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void run();
    }
  });
  button('run')?.addEventListener('click', () => void run());
  button('cancel')?.addEventListener('click', () => running?.abort());

  // ---- Hints, one at a time.
  const hints = [...root.querySelectorAll<HTMLElement>('[data-hint]')];
  const hintButton = button('hint');
  const showHints = (count: number) => {
    hints.forEach((hint, i) => (hint.hidden = i >= count));
    if (hintButton) {
      hintButton.hidden = count >= hints.length;
      hintButton.textContent = `Show hint ${Math.min(count + 1, hints.length)} of ${hints.length}`;
    }
  };
  showHints(saved?.hintsUsed ?? 0);
  hintButton?.addEventListener('click', () => {
    const count = Math.min(hints.length, (store.exercise(id)?.hintsUsed ?? 0) + 1);
    store.recordHints(id, count);
    showHints(count);
    hints[count - 1]?.focus();
  });

  // ---- Solution as a diff against the learner's code.
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

  // ---- Reset with undo, and download.
  let beforeReset: Record<string, string> | undefined;
  const undo = button('undo-reset');
  button('reset')?.addEventListener('click', () => {
    beforeReset = editor.files();
    editor.setFiles(starter);
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

  if (saved?.lastReport) {
    results.finish(saved.lastReport, false);
    if (isolationLine) renderIsolation(isolationLine, saved.lastReport);
  }
  (await import('./automation.ts')).installAutomation();
  root.dataset['ready'] = 'true';
  const pending = root.dataset['pendingAction'];
  delete root.dataset['pendingAction'];
  if (pending) button(pending)?.click();
}

// A plain <textarea> editor with the same surface as the Monaco one, used when Monaco cannot load.
import type { EditorTab, WorkbookEditor } from './monaco-editor.ts';

/** Creates a textarea-backed editor; read-only tabs are shown read-only. */
export function createPlainEditor(host: HTMLElement, tabs: readonly EditorTab[]): WorkbookEditor {
  const contents = new Map(tabs.map((t) => [t.path, t.content]));
  const editable = new Set(tabs.filter((t) => t.editable).map((t) => t.path));
  const area = document.createElement('textarea');
  area.className = 'plain-editor';
  area.spellcheck = false;
  area.setAttribute('aria-label', 'Code editor');
  let current = tabs[0]?.path ?? '';
  const listeners: (() => void)[] = [];
  const show = (path: string) => {
    current = path;
    area.value = contents.get(path) ?? '';
    area.readOnly = !editable.has(path);
  };
  area.addEventListener('input', () => {
    contents.set(current, area.value);
    for (const l of listeners) l();
  });
  show(current);
  host.replaceChildren(area);
  return {
    show,
    files: () => Object.fromEntries([...editable].map((p) => [p, contents.get(p) ?? ''])),
    setFiles(files) {
      for (const [p, c] of Object.entries(files)) if (editable.has(p)) contents.set(p, c);
      show(current);
      for (const l of listeners) l();
    },
    onChange: (l) => void listeners.push(l),
    onRun: () => undefined,
    onProblems: () => undefined,
    // A textarea cannot mark lines; the result's links still move the cursor there.
    mark: () => undefined,
    reveal({ path, line, column }) {
      show(path);
      const lines = area.value.split('\n');
      const offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
      area.focus();
      area.setSelectionRange(offset, offset);
    },
    configure: ({ fontSize, wordWrap }) => {
      area.style.fontSize = `${fontSize}px`;
      area.wrap = wordWrap ? 'soft' : 'off';
    },
    focus: () => area.focus(),
    dispose: () => area.remove(),
  };
}

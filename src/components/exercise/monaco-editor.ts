// The editor chunk, loaded on demand: Monaco's core API with its editing features, and only the
// TypeScript language (tokenizer + language service in its worker). Everything is served from
// the site's own origin; importing `monaco-editor` whole would bundle ~80 languages.
import * as monaco from 'monaco-editor/editor/editor.api';
// The TypeScript language's worker manager imports this module, which registers every editor
// contribution. Imported lazily (with the TS mode), it registers contributions after the first
// editor created its services, and a second editor then fails ("depends on UNKNOWN service
// ICodeLensCache"). Importing it up front registers them all before any editor exists.
import 'monaco-editor/internal/common/workers';
import 'monaco-editor/languages/definitions/typescript/register';
import { getTypeScriptWorker, typescriptDefaults } from 'monaco-editor/languages/features/typescript/register';
import type { FailureMark, FileLocation } from '../../schemas/report-locations.ts';
import { IGNORED_DIAGNOSTICS } from '../../build/editor-types.ts';
import { createSolutionDiff, type SolutionDiffView } from './monaco-diff.ts';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { EDITOR_COMPILER_OPTIONS } from './editor-compiler-options.ts';
import { takeTypeScriptWorker } from './ts-worker-start.ts';

export interface EditorTab {
  path: string;
  editable: boolean;
  content: string;
}

export interface WorkbookEditor {
  /** Shows one tab's file; read-only tabs cannot be edited. */
  show(path: string): void;
  /** Current content of every editable file. */
  files(): Record<string, string>;
  /** Replaces the content of the given files (reset, undo), as one undoable edit each. */
  setFiles(files: Record<string, string>): void;
  onChange(listener: () => void): void;
  /** Ctrl/Cmd+Enter inside the editor. */
  onRun(listener: () => void): void;
  /** TypeScript errors in the editable files, as "path:line message", whenever they change. */
  onProblems(listener: (problems: string[]) => void): void;
  /** Marks the lines a result names (gutter, squiggle, hover with the message); [] clears them. */
  mark(marks: readonly FailureMark[]): void;
  /** Shows `location.path` with the cursor at that line and column. */
  reveal(location: FileLocation): void;
  /**
   * Shows `solution` against the learner's file `path` in a diff view inside `host`; absent when
   * the editor has no diff view (the plain fallback), and the page then shows a text diff.
   */
  solutionDiff?(host: HTMLElement, path: string, solution: string): SolutionDiffView | null;
  /** Applies the learner's editor preferences. */
  configure(options: { fontSize: number; wordWrap: boolean }): void;
  focus(): void;
  dispose(): void;
}

self.MonacoEnvironment = {
  // The TypeScript worker is the workbook's (ts-worker.ts), usually already started by the controller.
  getWorker: (_id, label) =>
    label === 'typescript' || label === 'javascript' ? takeTypeScriptWorker() : new EditorWorker(),
};

typescriptDefaults.setCompilerOptions(EDITOR_COMPILER_OPTIONS);
typescriptDefaults.setEagerModelSync(true);
typescriptDefaults.setDiagnosticsOptions({
  noSemanticValidation: false,
  noSyntaxValidation: false,
  diagnosticCodesToIgnore: [...IGNORED_DIAGNOSTICS],
});

/** Each exercise gets its own root, so two exercises on one page never share a file or model. */
const fileUri = (exerciseId: string, path: string) => `file:///${exerciseId}/${path}`;

const loadedLibs = new Set<string>();
/** Loads the service files an exercise imports and ambient declarations into the TS worker, once. */
export function addLibs(exerciseId: string, libs: readonly { path: string; content: string }[]): void {
  for (const lib of libs) {
    const uri = fileUri(exerciseId, lib.path);
    if (loadedLibs.has(uri)) continue;
    loadedLibs.add(uri);
    typescriptDefaults.addExtraLib(lib.content, uri);
  }
}

const darkNow = () => {
  const explicit = document.documentElement.dataset['theme'];
  return explicit ? explicit === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
};
const applyTheme = () => monaco.editor.setTheme(darkNow() ? 'vs-dark' : 'vs');
new MutationObserver(applyTheme).observe(document.documentElement, {
  attributes: true,
  attributeFilter: ['data-theme'],
});
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', applyTheme);

/** Creates an editor in `host` with one model per tab. */
export function createEditor(
  host: HTMLElement,
  exerciseId: string,
  tabs: readonly EditorTab[],
  options: { fontSize: number; wordWrap: boolean; label: string },
): WorkbookEditor {
  const models = new Map<string, monaco.editor.ITextModel>();
  for (const tab of tabs) {
    const uri = monaco.Uri.parse(fileUri(exerciseId, tab.path));
    const existing = monaco.editor.getModel(uri);
    if (existing) existing.setValue(tab.content);
    models.set(tab.path, existing ?? monaco.editor.createModel(tab.content, 'typescript', uri));
  }
  applyTheme();
  const editor = monaco.editor.create(host, {
    model: models.get(tabs[0]?.path ?? '') ?? null,
    automaticLayout: true,
    fontSize: options.fontSize,
    wordWrap: options.wordWrap ? 'on' : 'off',
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    tabSize: 2,
    ariaLabel: options.label,
    fixedOverflowWidgets: true,
  });
  const editable = new Set(tabs.filter((t) => t.editable).map((t) => t.path));
  const views = new Map<string, monaco.editor.ICodeEditorViewState | null>();
  let current = tabs[0]?.path ?? '';
  const failureDecorations = new Map<string, string[]>();
  const setReadOnly = (path: string) =>
    editor.updateOptions({
      readOnly: !editable.has(path),
      readOnlyMessage: { value: 'This file is part of the service and is shown for context; edit the editable tab.' },
    });
  setReadOnly(current);
  const show = (path: string) => {
    const model = models.get(path);
    if (!model || path === current) return;
    views.set(current, editor.saveViewState());
    editor.setModel(model);
    const view = views.get(path);
    if (view) editor.restoreViewState(view);
    setReadOnly(path);
    current = path;
  };
  return {
    show,
    files: () => Object.fromEntries([...editable].map((path) => [path, models.get(path)?.getValue() ?? ''])),
    setFiles(files) {
      for (const [path, content] of Object.entries(files)) {
        const model = models.get(path);
        if (!model || !editable.has(path) || model.getValue() === content) continue;
        model.pushEditOperations([], [{ range: model.getFullModelRange(), text: content }], () => null);
      }
    },
    onChange(listener) {
      for (const path of editable) models.get(path)?.onDidChangeContent(listener);
    },
    onRun(listener) {
      editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, listener);
    },
    onProblems(listener) {
      // Ask the TS worker directly (markers only change when there is something to report, so an
      // error-free file would never be confirmed); debounced after edits.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const check = async () => {
        const getWorker = await getTypeScriptWorker();
        const found: string[] = [];
        for (const path of editable) {
          const model = models.get(path);
          if (!model) continue;
          const worker = await getWorker(model.uri);
          const uri = model.uri.toString();
          const diagnostics = [
            ...(await worker.getSyntacticDiagnostics(uri)),
            ...(await worker.getSemanticDiagnostics(uri)),
          ];
          for (const d of diagnostics) {
            // Errors only; the worker's own filter does not apply to diagnostics asked for directly.
            if (d.category !== 1 || IGNORED_DIAGNOSTICS.includes(d.code)) continue;
            found.push(`${path}:${model.getPositionAt(d.start ?? 0).lineNumber} ${flatten(d.messageText)}`);
          }
        }
        listener(found);
      };
      let retries = 0;
      const schedule = (ms: number) => {
        clearTimeout(timer);
        // The TS mode starts lazily with the first model and its worker is large: until both are up,
        // getTypeScriptWorker() rejects, so try again shortly instead of never reporting.
        timer = setTimeout(
          () =>
            void check().then(
              () => (retries = 0),
              () => retries++ < 60 && schedule(1000),
            ),
          ms,
        );
      };
      for (const path of editable) models.get(path)?.onDidChangeContent(() => schedule(600));
      schedule(0);
    },
    mark(marks) {
      for (const [path, model] of models) {
        const mine = marks.filter((m) => m.path === path && m.line >= 1 && m.line <= model.getLineCount());
        monaco.editor.setModelMarkers(
          model,
          'workbook-checks',
          mine.map((m) => ({
            severity: monaco.MarkerSeverity.Error,
            source: 'checks',
            message: m.message,
            startLineNumber: m.line,
            startColumn: Math.min(m.column, model.getLineMaxColumn(m.line)),
            endLineNumber: m.line,
            endColumn: model.getLineMaxColumn(m.line),
          })),
        );
        const old = failureDecorations.get(path) ?? [];
        failureDecorations.set(
          path,
          model.deltaDecorations(
            old,
            mine.map((m) => ({
              range: new monaco.Range(m.line, 1, m.line, 1),
              options: {
                isWholeLine: true,
                className: 'workbook-failure-line',
                linesDecorationsClassName: 'workbook-failure-gutter',
                linesDecorationsTooltip: m.message,
              },
            })),
          ),
        );
      }
    },
    reveal({ path, line, column }) {
      show(path);
      editor.setPosition({ lineNumber: line, column });
      editor.revealLineInCenter(line);
      editor.focus();
    },
    solutionDiff(diffHost, path, solution) {
      const mine = models.get(path);
      if (!mine) return null;
      return createSolutionDiff(diffHost, mine, solution, {
        fontSize: editor.getOption(monaco.editor.EditorOption.fontSize),
        label: `Solution compared with your ${path}`,
      });
    },
    configure: ({ fontSize, wordWrap }) => editor.updateOptions({ fontSize, wordWrap: wordWrap ? 'on' : 'off' }),
    focus: () => editor.focus(),
    dispose() {
      editor.dispose();
    },
  };
}

type MessageChain = string | { messageText: string; next?: MessageChain[] };
/** A TypeScript diagnostic message, its chain joined into one line. */
function flatten(message: MessageChain): string {
  if (typeof message === 'string') return message;
  return [message.messageText, ...(message.next ?? []).map(flatten)].join(' ');
}

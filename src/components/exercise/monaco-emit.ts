// Compiles the learner's files for the browser engine with the TypeScript that Monaco's TS worker
// already runs (its emit and its diagnostics), so the page never loads a second compiler. Files are
// the editor's own models (file:///<exercise>/<path>); a model is created only for an exercise
// that has no editor on this page (automation grading another exercise).
import * as monaco from 'monaco-editor/editor/editor.api';
import { getTypeScriptWorker } from 'monaco-editor/languages/features/typescript/register';
import type { Compile, Diagnostic } from '../../sandbox/index.ts';
import { IGNORED_DIAGNOSTICS } from '../../build/editor-types.ts';
import './monaco-editor.ts';

type MessageChain = string | { messageText: string; next?: MessageChain[] };
const flatten = (message: MessageChain): string =>
  typeof message === 'string' ? message : [message.messageText, ...(message.next ?? []).map(flatten)].join(' ');

/** TypeScript's syntax diagnostics are codes 1000–1999. */
const isSyntax = (code: number) => code >= 1000 && code < 2000;

/** Creates models for an exercise's read-only tabs when no editor on this page has them (automation). */
export function ensureModels(exerciseId: string, files: readonly { path: string; content: string }[]): void {
  for (const file of files) {
    const uri = monaco.Uri.parse(`file:///${exerciseId}/${file.path}`);
    if (!monaco.editor.getModel(uri)) monaco.editor.createModel(file.content, 'typescript', uri);
  }
}

// Compiles one request at a time: two runs of one exercise share its models, and a second run
// must not replace the files while the first is being emitted or checked.
let queue: Promise<unknown> = Promise.resolve();
export const compileWithMonaco: Compile = (exerciseId, files) => {
  const next = queue.then(() => compile(exerciseId, files));
  queue = next.then((r) => r.diagnostics).catch(() => undefined);
  return next;
};

/**
 * Builds the TS worker's program for an exercise's files (one emit each, the cold start's cost) so
 * the first run's emit is quick; queued like a compile, and holding the queue only for the emit.
 */
export function warmWithMonaco(exerciseId: string, files: Record<string, string>): Promise<void> {
  const next = queue.then(async () => {
    const getWorker = await getTypeScriptWorker();
    for (const path of Object.keys(files)) {
      const model = monaco.editor.getModel(monaco.Uri.parse(`file:///${exerciseId}/${path}`));
      if (model) await (await getWorker(model.uri)).getEmitOutput(model.uri.toString());
    }
  });
  queue = next.catch(() => undefined);
  return next;
}

const compile: Compile = async (exerciseId, files) => {
  const models = Object.entries(files).map(([path, content]) => {
    const uri = monaco.Uri.parse(`file:///${exerciseId}/${path}`);
    const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(content, 'typescript', uri);
    if (model.getValue() !== content) model.setValue(content);
    return { path, model };
  });
  const asked = performance.now();
  const getWorker = await getTypeScriptWorker();
  await getWorker(...models.map((m) => m.model.uri));
  performance.measure('workbook:grade:ts-worker', { start: asked, end: performance.now() });
  // Emit first: the run starts on it while the (slower) type check goes on.
  const outputs: Record<string, string> = {};
  for (const { path, model } of models) {
    const worker = await getWorker(model.uri);
    const emitted = await worker.getEmitOutput(model.uri.toString());
    const js = emitted.outputFiles.find((f) => f.name.endsWith('.js'));
    if (js) outputs[path] = js.text;
  }
  const diagnostics = (async () => {
    const found: Diagnostic[] = [];
    for (const { path, model } of models) {
      const worker = await getWorker(model.uri);
      const uri = model.uri.toString();
      for (const d of [...(await worker.getSyntacticDiagnostics(uri)), ...(await worker.getSemanticDiagnostics(uri))]) {
        if (d.category !== 1 || IGNORED_DIAGNOSTICS.includes(d.code)) continue;
        // A package the editor has no types for: the grader compiles it fine, and the worker's linker
        // names packages the browser cannot provide, so this is not the learner's error.
        if (d.code === 2307 && /module '[^.]/.test(flatten(d.messageText as MessageChain))) continue;
        const position = model.getPositionAt(d.start ?? 0);
        found.push({
          file: path,
          line: position.lineNumber,
          column: position.column,
          message: flatten(d.messageText as MessageChain),
          code: d.code,
          syntax: isSyntax(d.code),
        });
      }
    }
    return found;
  })();
  return { outputs, diagnostics };
};

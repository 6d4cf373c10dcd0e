// The TS worker's head start (ts-worker-warm.ts) with Monaco's own TypeScript and worker class, in
// Node: the editor's language service must take the very lib files the warm-up parsed (the registry
// key matches the page's compiler options as the worker receives them), and report what a service
// without the warm-up reports. How much time it saves is bench:sandbox's business, not a test's.
import type { LanguageService } from 'typescript';
import { typescript as ts } from 'monaco-editor/languages/features/typescript/lib/typescriptServices';
import { type CreateData, TypeScriptWorker } from 'monaco-editor/languages/features/typescript/tsWorker';
import { describe, expect, it } from 'vitest';
import { EDITOR_COMPILER_OPTIONS } from './editor-compiler-options.ts';
import { sharingRegistry, warmLibraries } from './ts-worker-warm.ts';

const FILE = 'file:///demo/src/task.ts';
const code = `export class Task {\n  done = false;\n  complete(): void {\n    this.done = 'yes';\n    console.log(new URL('x:y'));\n  }\n}\n`;
const model = { uri: { toString: () => FILE, path: '/demo/src/task.ts' }, version: 1, getValue: () => code };
// The page's options reach the worker through postMessage: a structured clone, not the same object.
const createData = (): CreateData => ({ compilerOptions: structuredClone(EDITOR_COMPILER_OPTIONS), extraLibs: {} });
/** Lib files by name (Monaco names those the options list by their option value: "dom" is lib.dom.d.ts). */
const libFiles = (service: LanguageService | undefined) =>
  new Map(
    (service?.getProgram()?.getSourceFiles() ?? [])
      .filter((f) => !f.fileName.startsWith('file:'))
      .map((f) => [f.fileName, f]),
  );
const diagnostics = (worker: TypeScriptWorker) =>
  worker
    .getLanguageService()
    .getSemanticDiagnostics(FILE)
    .map((d) => `${d.start} TS${d.code}`);

describe('the TS worker parses lib files ahead of the editor', () => {
  it("the editor's service takes the warmed lib files and reports what a cold one reports", () => {
    const warmed = warmLibraries(ts, TypeScriptWorker, structuredClone(EDITOR_COMPILER_OPTIONS));
    const Editor = sharingRegistry(ts, TypeScriptWorker, warmed.registry);
    const editor = new Editor({ getMirrorModels: () => [model] }, createData());
    const cold = new TypeScriptWorker({ getMirrorModels: () => [model] }, createData());

    expect(diagnostics(editor)).toEqual(diagnostics(cold));
    expect(diagnostics(editor)).toEqual([expect.stringMatching(/ TS2322$/)]);

    // The warm-up's own code (what it checks and emits to get the compiler going) is correct code.
    const root = warmed.service?.getProgram()?.getRootFileNames()[0] ?? '';
    expect(root).toMatch(/^file:/);
    expect([...(warmed.service?.getSemanticDiagnostics(root) ?? [])].map((d) => d.messageText)).toEqual([]);

    const ahead = libFiles(warmed.service);
    const used = libFiles(editor.getLanguageService());
    expect([...ahead.keys()]).toEqual(expect.arrayContaining(['dom', 'es2022', 'lib.es5.d.ts']));
    expect([...used.keys()].sort()).toEqual([...ahead.keys()].sort());
    // The very objects the warm-up parsed, not copies parsed again.
    expect([...used].filter(([name, file]) => ahead.get(name) !== file).map(([name]) => name)).toEqual([]);
    expect(libFiles(cold.getLanguageService()).get('dom')).not.toBe(ahead.get('dom'));
  });
});

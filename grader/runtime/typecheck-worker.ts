// A warm TypeScript language service for one workspace, in a worker thread of the runner child.
// It type-checks the learner's files while Vitest runs the checks: a type error is reported with
// its file and line even when the tests happen to pass. Only the learner's files are reported.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import ts from 'typescript';
import type { TypeDiagnostic } from '../protocol.ts';

export interface TypeRequest {
  id: number;
  /** Absolute paths of the learner's files (the ones reported on). */
  files: string[];
  /** Absolute paths whose content changed since the previous request. */
  changed: string[];
}

const { workspace } = workerData as { workspace: string };
const options = compilerOptions(workspace);
const versions = new Map<string, number>();
let roots: string[] = [];

const host: ts.LanguageServiceHost = {
  getScriptFileNames: () => roots,
  getScriptVersion: (file) => String(versions.get(file) ?? 0),
  getScriptSnapshot: (file) =>
    existsSync(file) ? ts.ScriptSnapshot.fromString(readFileSync(file, 'utf8')) : undefined,
  getCurrentDirectory: () => workspace,
  getCompilationSettings: () => options,
  getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
  fileExists: ts.sys.fileExists,
  readFile: ts.sys.readFile,
  readDirectory: ts.sys.readDirectory,
  directoryExists: ts.sys.directoryExists,
  getDirectories: ts.sys.getDirectories,
};
const service = ts.createLanguageService(host, ts.createDocumentRegistry());

parentPort?.on('message', (request: TypeRequest) => {
  for (const file of request.changed) versions.set(file, (versions.get(file) ?? 0) + 1);
  roots = request.files;
  const diagnostics: TypeDiagnostic[] = [];
  for (const file of request.files) {
    for (const d of [...service.getSyntacticDiagnostics(file), ...service.getSemanticDiagnostics(file)]) {
      if (d.category !== ts.DiagnosticCategory.Error || !d.file) continue;
      const { line, character } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
      diagnostics.push({
        file: relative(workspace, d.file.fileName),
        line: line + 1,
        column: character + 1,
        code: d.code,
        message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
      });
    }
  }
  parentPort?.postMessage({ id: request.id, diagnostics });
});

/** The workspace's tsconfig.json (the service's own settings), or strict defaults without one. */
function compilerOptions(dir: string): ts.CompilerOptions {
  const base: ts.CompilerOptions = {
    noEmit: true,
    skipLibCheck: true,
    declaration: false,
    sourceMap: false,
    incremental: false,
    composite: false,
  };
  const path = join(dir, 'tsconfig.json');
  if (!existsSync(path)) {
    return {
      ...base,
      target: ts.ScriptTarget.ES2023,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      strict: true,
      types: ['node'],
    };
  }
  const { config } = ts.readConfigFile(path, ts.sys.readFile);
  return { ...ts.parseJsonConfigFileContent(config, ts.sys, dir).options, ...base };
}

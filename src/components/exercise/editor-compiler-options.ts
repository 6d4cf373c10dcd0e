// The compiler options of the editor's TypeScript worker, in one place for both sides: the page
// hands them to Monaco (monaco-editor.ts), and the worker (ts-worker.ts) parses TypeScript's lib
// files with them before the page asks for anything. Plain numbers, not Monaco's enums, so the
// worker does not import the editor's main-thread code; the values are TypeScript's own.
import type { typescriptDefaults } from 'monaco-editor/languages/features/typescript/register';

type CompilerOptions = ReturnType<typeof typescriptDefaults.getCompilerOptions>;

export const EDITOR_COMPILER_OPTIONS = {
  target: 7, // ScriptTarget.ES2020
  module: 99, // ModuleKind.ESNext
  moduleResolution: 2, // ModuleResolutionKind.NodeJs
  strict: true,
  experimentalDecorators: true,
  allowNonTsExtensions: true,
  esModuleInterop: true,
  skipLibCheck: true,
  lib: ['es2022', 'dom'],
} satisfies CompilerOptions;

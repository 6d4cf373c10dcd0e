// The editor's TypeScript worker: Monaco's own (the TypeScript and language service the editor shows
// errors with, and the browser engine emits and type-checks with: monaco-emit.ts), with one change.
// It is started by the page as soon as an exercise mounts (ts-worker-start.ts), and parses and binds
// TypeScript's lib files before the editor's first request arrives (ts-worker-warm.ts), so the first
// grade no longer waits for a cold compiler. Built by Vite as a worker of its own.
import { initialize } from 'monaco-editor/internal/common/initialize';
import { typescript as ts } from 'monaco-editor/languages/features/typescript/lib/typescriptServices';
import { TypeScriptWorker } from 'monaco-editor/languages/features/typescript/tsWorker';
import { EDITOR_COMPILER_OPTIONS } from './editor-compiler-options.ts';
import { sharingRegistry, warmLibraries } from './ts-worker-warm.ts';

const warmed = warmLibraries(ts, TypeScriptWorker, EDITOR_COMPILER_OPTIONS);
const WorkbookTypeScriptWorker = sharingRegistry(ts, TypeScriptWorker, warmed.registry);

// As Monaco's ts.worker.js: the first message starts the bootstrap, which then creates the worker.
self.onmessage = () => initialize((ctx, createData) => new WorkbookTypeScriptWorker(ctx, createData));

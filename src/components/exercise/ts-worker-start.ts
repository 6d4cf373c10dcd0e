// Starts the editor's TypeScript worker (ts-worker.ts) when an exercise mounts, before the editor
// chunk has loaded: its 6.9 MB script compiles and its lib files are parsed on another core while
// the page loads Monaco, and Monaco then takes this worker instead of starting its own.
import TypeScriptWorker from './ts-worker.ts?worker';

let early: Worker | undefined;

/** Starts the tab's TypeScript worker ahead of the editor (once). */
export function startTypeScriptWorker(): void {
  early ??= new TypeScriptWorker();
}

/** The worker started ahead, handed out once; later calls (Monaco restarting it) get a new one. */
export function takeTypeScriptWorker(): Worker {
  const worker = early ?? new TypeScriptWorker();
  early = undefined;
  return worker;
}

/** Stops the worker started ahead when no editor will use it (the plain-text fallback). */
export function stopTypeScriptWorker(): void {
  early?.terminate();
  early = undefined;
}

// Vite plugin: the editor's TypeScript worker is the workbook's own (src/components/exercise/ts-worker.ts,
// Monaco's worker plus a head start), handed to Monaco through MonacoEnvironment.getWorker. Monaco's
// worker manager also names its stock worker as a fallback (`new Worker(new URL('ts.worker.js',
// import.meta.url))`), which Vite would build and the offline cache would then precache: 6.9 MB
// that no page runs. The fallback becomes an error saying where the worker comes from instead.
import type { Plugin } from 'vite';

const MANAGER = /[\\/]monaco-editor[\\/]esm[\\/]vs[\\/]languages[\\/]features[\\/]typescript[\\/]workerManager\.js$/;
const FALLBACK = `new Worker(new URL('ts.worker.js', import.meta.url), { type: "module" })`;
const INSTEAD = `(() => { throw new Error('The TypeScript worker comes from MonacoEnvironment.getWorker (src/components/exercise/ts-worker-start.ts).'); })()`;

/** Removes Monaco's stock TypeScript worker from the build; fails the build if Monaco's code changed shape. */
export function monacoOwnTsWorker(): Plugin {
  return {
    name: 'workbook:monaco-own-ts-worker',
    enforce: 'pre',
    transform(code, id) {
      if (!MANAGER.test(id)) return null;
      if (!code.includes(FALLBACK))
        throw new Error(
          `${id}: Monaco's TypeScript worker fallback (${FALLBACK}) is no longer there; update src/build/monaco-ts-worker-plugin.ts to the new monaco-editor`,
        );
      return { code: code.replace(FALLBACK, INSTEAD), map: null };
    },
  };
}

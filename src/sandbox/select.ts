// Chooses the engine for this tab: the local server when it answers, else the WebContainer when
// the page is cross-origin isolated and online, else none (the page explains how to get checks).
import type { Engine } from './engine.ts';

export interface EngineEnvironment {
  /** true when the local grading server answers its health check; a string when it answers but cannot grade (why). */
  probeLocal: () => Promise<boolean | string>;
  /** `crossOriginIsolated` in the browser: WebContainer needs SharedArrayBuffer. */
  crossOriginIsolated: boolean;
  /** `navigator.onLine`: WebContainer loads its runtime from StackBlitz. */
  online: boolean;
}

export interface EngineFactories {
  local: () => Engine;
  webcontainer: () => Engine | Promise<Engine>;
}

export type EngineSelection =
  | { engine: Engine; reason: string }
  | { engine: null; reason: string };

/** Picks an engine in order of preference and says why, for the learner. */
export async function selectEngine(env: EngineEnvironment, factories: EngineFactories): Promise<EngineSelection> {
  const local = await env.probeLocal();
  if (local === true) return { engine: factories.local(), reason: 'The local grader started by `npm start` answered.' };
  // A local server that answers but cannot grade knows best what is wrong: no silent fallback.
  if (typeof local === 'string') return { engine: null, reason: local };
  if (!env.crossOriginIsolated) return { engine: null, reason: 'No local grader answered, and this page is not cross-origin isolated, so the in-browser runtime cannot start.' };
  if (!env.online) return { engine: null, reason: 'No local grader answered, and the browser is offline, so the in-browser runtime cannot load.' };
  return { engine: await factories.webcontainer(), reason: 'No local grader answered; using the in-browser runtime (it loads from StackBlitz).' };
}

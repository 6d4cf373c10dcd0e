// Chooses the engine for one exercise: the local server when it answers, else the browser engine
// when the exercise's checks can run in a Web Worker (decided at build time), else the WebContainer
// when the page is cross-origin isolated and online, else none (the page explains how to get checks).
import type { Engine } from './engine.ts';

export interface EngineEnvironment {
  /** true when the local grading server answers its health check; a string when it answers but cannot grade (why). */
  probeLocal: () => Promise<boolean | string>;
  /** Whether the browser engine can grade this exercise, and why not (from the exercise's editor data). */
  browser: { capable: true } | { capable: false; reasons: string[] };
  /** `crossOriginIsolated` in the browser: WebContainer needs SharedArrayBuffer. */
  crossOriginIsolated: boolean;
  /** `navigator.onLine`: WebContainer loads its runtime from StackBlitz. */
  online: boolean;
}

export interface EngineFactories {
  local: () => Engine;
  browser: () => Engine;
  webcontainer: () => Engine | Promise<Engine>;
}

export type EngineSelection = { engine: Engine; reason: string } | { engine: null; reason: string };

/** Picks an engine in order of preference and says why, for the learner. */
export async function selectEngine(env: EngineEnvironment, factories: EngineFactories): Promise<EngineSelection> {
  const local = await env.probeLocal();
  if (local === true) return { engine: factories.local(), reason: 'The local grader started by `npm start` answered.' };
  // A local server that answers but cannot grade knows best what is wrong: no silent fallback.
  if (typeof local === 'string') return { engine: null, reason: local };
  if (env.browser.capable)
    return {
      engine: factories.browser(),
      reason: "No local grader answered; this exercise's checks run in your browser, in a Web Worker.",
    };
  const why = `this exercise's checks cannot run in the browser (${env.browser.reasons.join(', ')})`;
  if (!env.crossOriginIsolated)
    return {
      engine: null,
      reason: `No local grader answered, ${why}, and this page is not cross-origin isolated, so the in-browser runtime cannot start.`,
    };
  if (!env.online)
    return {
      engine: null,
      reason: `No local grader answered, ${why}, and the browser is offline, so the in-browser runtime cannot load.`,
    };
  return {
    engine: await factories.webcontainer(),
    reason: `No local grader answered and ${why}; using the in-browser runtime (it loads from StackBlitz).`,
  };
}

// Browser wiring of the engine selection: the local probe runs once per tab, engines are created
// once per tab, and each exercise gets the best engine that can grade it.
import {
  createBrowserEngine,
  createLocalEngine,
  createWebContainerEngine,
  probeLocalServer,
  selectEngine,
  type Engine,
  type EngineSelection,
  type WorkspaceTree,
} from '../../sandbox/index.ts';
import { ENGINE_PACKAGES } from '../../sandbox/browser-paths.ts';
import type { BrowserCapability } from '../../schemas/browser-capability.ts';
import type { HealthResponse } from '../../schemas/grade-api.ts';
import { siteBase } from '../site/base-url.ts';

let localProbe: Promise<boolean | string> | undefined;
let health: HealthResponse | undefined;
let browserEngine: Engine | undefined;
let webcontainer: Promise<Engine> | undefined;

export { siteBase };

/** Mentor re-grades and exercises without editor data never use the browser engine. */
const NOT_IN_BROWSER: BrowserCapability = { capable: false, reasons: ['graded outside the exercise page'] };

/** The browser engine of this tab; learner files are compiled by Monaco's TS worker (loaded with the editor). */
export function tabBrowserEngine(): Engine {
  browserEngine ??= createBrowserEngine({
    baseUrl: siteBase(),
    packages: ENGINE_PACKAGES,
    compile: async (id, files) => (await import('./monaco-emit.ts')).compileWithMonaco(id, files),
    warm: async (id, files) => (await import('./monaco-emit.ts')).warmWithMonaco(id, files),
  });
  return browserEngine;
}

/** The token the local server wrote into this page; empty in a static build. */
export function pageToken(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="workbook-token"]')?.content ?? '';
}

const probeLocal = () =>
  (localProbe ??= pageToken()
    ? probeLocalServer(location.origin, { onHealth: (answer) => (health = answer) })
    : Promise.resolve(false));

/** The local grader's health answer (what infrastructure it lacks), once probed; undefined without one. */
export async function localHealth(): Promise<HealthResponse | undefined> {
  await probeLocal();
  return health;
}

/** Chooses the engine for one exercise (local server, else browser when capable, else WebContainer, else none). */
export function chooseEngine(browser: BrowserCapability = NOT_IN_BROWSER): Promise<EngineSelection> {
  return selectEngine(
    {
      probeLocal: probeLocal,
      browser,
      crossOriginIsolated: globalThis.crossOriginIsolated === true,
      online: navigator.onLine,
    },
    {
      local: () => createLocalEngine({ baseUrl: location.origin, token: pageToken() }),
      browser: tabBrowserEngine,
      webcontainer: () =>
        (webcontainer ??= Promise.resolve(
          createWebContainerEngine({
            // Loaded only when chosen: the runtime and its iframe come from StackBlitz.
            boot: async () => {
              const { WebContainer } = await import('@webcontainer/api');
              const container = await WebContainer.boot({ coep: 'require-corp', workdirName: 'workbook' });
              return {
                mount: (tree: WorkspaceTree) => container.mount(tree),
                spawn: (command: string, args: string[]) => container.spawn(command, args),
              };
            },
            // Type stripping is on by default from Node 22.18; the flag covers older 22.x runtimes.
            command: ['node', '--experimental-strip-types', 'grader/cli.ts', 'grade', '--ndjson'],
            loadWorkspace: async () => {
              const response = await fetch(new URL('webcontainer/workspace.json', siteBase()));
              if (!response.ok)
                throw new Error(`the prepared workspace is missing (HTTP ${response.status} for ${response.url})`);
              return (await response.json()) as WorkspaceTree;
            },
          }),
        )),
    },
  );
}

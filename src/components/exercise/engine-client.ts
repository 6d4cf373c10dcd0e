// Browser wiring of the engine selection: one choice per tab, shared by every exercise on a page.
import { createLocalEngine, createWebContainerEngine, probeLocalServer, selectEngine, type EngineSelection, type WorkspaceTree } from '../../sandbox/index.ts';

let selection: Promise<EngineSelection> | undefined;

/** The token the local server wrote into this page; empty in a static build. */
export function pageToken(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="workbook-token"]')?.content ?? '';
}

/** Chooses the engine once per tab (local server, else WebContainer, else none). */
export function chooseEngine(): Promise<EngineSelection> {
  selection ??= selectEngine(
    {
      probeLocal: () => (pageToken() ? probeLocalServer(location.origin) : Promise.resolve(false)),
      crossOriginIsolated: globalThis.crossOriginIsolated === true,
      online: navigator.onLine,
    },
    {
      local: () => createLocalEngine({ baseUrl: location.origin, token: pageToken() }),
      webcontainer: () =>
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
            const response = await fetch('/webcontainer/workspace.json');
            if (!response.ok) throw new Error(`the prepared workspace is missing (HTTP ${response.status} for /webcontainer/workspace.json)`);
            return (await response.json()) as WorkspaceTree;
          },
        }),
    },
  );
  return selection;
}

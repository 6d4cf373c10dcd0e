// A handle for automation (the parity test and `npm run bench:sandbox`): grades any exercise with
// this tab's browser engine, through the same compile and worker path as the Run button, so what
// they measure is what learners get. Installed once the editor (and Monaco's TS worker) is loaded.
import type { CheckReport, GradeRequest } from '../../schemas/report.ts';
import { parseEditorData } from '../../schemas/editor-data.ts';
import { siteBase, tabBrowserEngine } from './engine-client.ts';

export interface WorkbookAutomation {
  /** Grades `request` in the browser engine; loads the exercise's type libraries first. */
  gradeInBrowser(request: GradeRequest): Promise<CheckReport>;
}

declare global {
  var workbookAutomation: WorkbookAutomation | undefined;
}

export function installAutomation(): void {
  const libsLoaded = new Set<string>();
  globalThis.workbookAutomation ??= {
    async gradeInBrowser(request) {
      if (!libsLoaded.has(request.exerciseId)) {
        const response = await fetch(new URL(`exercises/${request.exerciseId}/editor.json`, siteBase()));
        if (!response.ok) throw new Error(`HTTP ${response.status} for ${response.url}`);
        const data = parseEditorData(await response.json(), response.url);
        (await import('./monaco-editor.ts')).addLibs(request.exerciseId, data.libs);
        // The read-only tabs an exercise page would show, so the compile sees what the editor sees.
        (await import('./monaco-emit.ts')).ensureModels(
          request.exerciseId,
          data.files.filter((f) => !f.editable),
        );
        libsLoaded.add(request.exerciseId);
      }
      return tabBrowserEngine().grade(request);
    },
  };
}

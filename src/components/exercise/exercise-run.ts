// Runs: the engine line, Run / Cancel / Ctrl+Enter, and one grade at a time through the engine
// interface (whichever engine is chosen, the page sees the same events and report).
import { EngineError, LOCAL_PROBLEM, NO_ENGINE_MESSAGE } from '../../sandbox/index.ts';
import { failureMarks } from '../../schemas/report-locations.ts';
import type { CheckReport } from '../../schemas/report.ts';
import { filesDigest } from '../../stores/files-digest.ts';
import { chooseEngine, localHealth } from './engine-client.ts';
import { exerciseServicesNotice } from '../../sandbox/missing-services.ts';
import { showServicesNotice } from '../site/services-notice.ts';
import type { ExerciseContext } from './exercise-context.ts';
import type { StageControl } from './exercise-stages.ts';
import { renderIsolation } from './isolation-view.ts';
import type { WorkbookEditor } from './monaco-editor.ts';

/** Wires the run controls; `saveNow` stores the code before each run; `stages` (tdd exercises) names the stage to grade. */
export function wireRuns(
  ctx: ExerciseContext,
  editor: WorkbookEditor,
  saveNow: () => void,
  stages?: StageControl,
): void {
  const { root, id, data, results, button, store } = ctx;
  const engineLine = ctx.q('[data-engine-line]');
  const isolationLine = ctx.q('[data-isolation]');
  void chooseEngine(data.browser).then((chosen) => {
    root.dataset['engine'] = chosen.engine?.name ?? 'none';
    if (chosen.engine?.name === 'local') void showMissingServices(ctx);
    // Warm the engine while the learner reads (the browser engine's first grade otherwise waits for
    // the TS worker's first emit and the exercise's bundle).
    const engine = chosen.engine;
    if (engine?.prepare) {
      const warm = () => engine.prepare?.({ exerciseId: id, files: editor.files() });
      if ('requestIdleCallback' in globalThis) requestIdleCallback(warm, { timeout: 2_000 });
      else setTimeout(warm, 200);
    }
    if (engineLine)
      engineLine.textContent = chosen.engine
        ? `Checks run on: ${chosen.engine.label}.`
        : chosen.reason.startsWith(LOCAL_PROBLEM)
          ? chosen.reason
          : NO_ENGINE_MESSAGE;
  });

  const learnerFiles = data.files.filter((f) => f.editable).map((f) => f.path);
  const show = (report: CheckReport, live: boolean) => {
    results.finish(report, live);
    editor.mark(failureMarks(report, learnerFiles));
    if (isolationLine) renderIsolation(isolationLine, report);
  };
  // A result describes the code it graded: once the code changes, it is out of date.
  editor.onChange(() => results.markStale());

  let running: AbortController | undefined;
  const run = async () => {
    if (running) return;
    saveNow();
    const chosen = await chooseEngine(data.browser);
    if (!chosen.engine) {
      results.fail(
        chosen.reason.startsWith(LOCAL_PROBLEM) ? chosen.reason : `${NO_ENGINE_MESSAGE} (${chosen.reason})`,
        'unavailable',
      );
      return;
    }
    running = new AbortController();
    const runButton = button('run');
    const cancel = button('cancel');
    if (runButton) runButton.disabled = true;
    if (cancel) cancel.hidden = false;
    root.dataset['state'] = 'running';
    results.start(chosen.engine.label);
    editor.mark([]);
    try {
      const graded = editor.files();
      const stage = stages?.current();
      const report = await chosen.engine.grade(
        { exerciseId: id, files: graded, ...(stage ? { stage } : {}) },
        { signal: running.signal, onEvent: (e) => results.event(e) },
      );
      show(report, true);
      store.recordReport(id, report, graded);
      stages?.afterReport(report);
    } catch (error) {
      const cancelled = error instanceof EngineError && error.code === 'aborted';
      results.fail(cancelled ? 'Run cancelled.' : (error as Error).message, cancelled ? 'cancelled' : 'error');
    } finally {
      running = undefined;
      if (runButton) runButton.disabled = false;
      if (cancel) cancel.hidden = true;
      root.dataset['state'] = 'idle';
    }
  };
  editor.onRun(() => void run());
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void run();
    }
  });
  button('run')?.addEventListener('click', () => void run());
  button('cancel')?.addEventListener('click', () => running?.abort());

  // A restored result stays out of date when the saved code is no longer the code it graded.
  const saved = store.exercise(id);
  if (saved?.lastReport) {
    show(saved.lastReport, false);
    if (saved.gradedDigest && saved.gradedDigest !== filesDigest(editor.files())) results.markStale();
  }
}

/** Says, above the editor, which infrastructure this exercise needs that `npm start` cannot reach, and how to start it. */
async function showMissingServices(ctx: ExerciseContext): Promise<void> {
  const box = ctx.q('[data-services]');
  const notice = exerciseServicesNotice((ctx.root.dataset['needs'] ?? '').split(' '), (await localHealth())?.missing);
  // Tests wait for this before asserting that no notice is shown.
  ctx.root.dataset['servicesChecked'] = 'true';
  if (!box || !notice) return;
  showServicesNotice(box, notice);
}

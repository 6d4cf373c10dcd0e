// Renders a run as it streams: one list item per check as it finishes, a summary line, elapsed
// time. A run that could not grade shows its error (with links into the code) and lists the checks
// as not run; a result the learner has since edited away from is marked out of date.
import type { CheckReport, GradeEvent } from '../../schemas/report.ts';
import { linkedText, renderCheck, type LocationLinks } from './check-item.ts';

/** The one-line outcome of a report, e.g. "3 of 4 checks passed". */
export function summarize(report: CheckReport): string {
  const passed = report.checks.filter((c) => c.status === 'passed').length;
  const total = report.checks.length;
  switch (report.status) {
    case 'passed':
      return `All ${total} checks passed.`;
    case 'failed':
      return `${passed} of ${total} checks passed.`;
    case 'timeout':
      return `Timed out: ${report.message ?? 'the code ran longer than the time limit; look for a loop that never ends.'}`;
    default:
      return 'Error: the checks could not run. Fix what is named below, then run them again.';
  }
}

const NO_LINKS: LocationLinks = { files: [], open: () => undefined };

export class ResultsView {
  readonly #root: HTMLElement;
  readonly #summary: HTMLElement;
  readonly #list: HTMLOListElement;
  readonly #elapsed: HTMLElement;
  readonly #error: HTMLElement;
  readonly #stale: HTMLElement;
  readonly #links: LocationLinks;
  #timer: ReturnType<typeof setInterval> | undefined;
  #started = 0;

  constructor(root: HTMLElement, links: LocationLinks = NO_LINKS) {
    this.#root = root;
    this.#links = links;
    const part = <T extends HTMLElement>(selector: string, tag: string) =>
      root.querySelector<T>(selector) ?? (document.createElement(tag) as T);
    this.#summary = root.querySelector<HTMLElement>('[data-summary]') ?? root;
    this.#list = part<HTMLOListElement>('[data-checks]', 'ol');
    this.#elapsed = part('[data-elapsed]', 'span');
    this.#error = part('[data-run-error]', 'div');
    this.#stale = part('[data-stale]', 'p');
  }

  start(engineLabel: string): void {
    this.#list.replaceChildren();
    this.#showError(undefined);
    this.#setStale(false);
    this.#root.hidden = false;
    this.#root.dataset['status'] = 'running';
    this.#summary.textContent = `Running the checks with the ${engineLabel}…`;
    this.#started = performance.now();
    clearInterval(this.#timer);
    this.#elapsed.textContent = '';
    this.#timer = setInterval(() => (this.#elapsed.textContent = `${this.#seconds(1)} elapsed`), 100);
  }

  event(event: GradeEvent): void {
    if (event.type === 'queued' && event.position > 0)
      this.#summary.textContent = `Waiting for ${event.position} earlier run${event.position === 1 ? '' : 's'} to finish…`;
    if (event.type === 'started') this.#summary.textContent = `Running ${event.checks.length} checks…`;
    if (event.type === 'check') this.#list.append(renderCheck(event.check, this.#links));
  }

  /** Shows a finished report; `live` runs also show the wall-clock time since Run was pressed. */
  finish(report: CheckReport, live = true): void {
    this.#stop();
    this.#setStale(false);
    // The report is authoritative: redraw from it in declared order. An error decides the run, so
    // no check outcome is shown as if it counted.
    const notRun = report.status === 'error';
    this.#list.replaceChildren(...report.checks.map((c) => renderCheck(c, this.#links, notRun)));
    this.#showError(notRun ? report.message : undefined);
    this.#root.hidden = false;
    this.#root.dataset['status'] = report.status;
    this.#summary.textContent = summarize(report);
    this.#elapsed.textContent = live
      ? `Finished in ${this.#seconds(2)} (grading ${(report.durationMs / 1000).toFixed(2)} s).`
      : `Last run ${new Date(report.finishedAt).toLocaleString()}.`;
  }

  /** The code changed since the result shown: say so until the next run. */
  markStale(): void {
    const status = this.#root.dataset['status'];
    if (this.#root.hidden || status === 'running' || this.#root.dataset['stale'] === 'true') return;
    this.#setStale(true);
  }

  fail(message: string, status = 'error'): void {
    this.#stop();
    this.#setStale(false);
    this.#showError(undefined);
    this.#root.hidden = false;
    this.#root.dataset['status'] = status;
    this.#summary.textContent = message;
    this.#elapsed.textContent = '';
  }

  #showError(message: string | undefined): void {
    this.#error.hidden = message === undefined;
    this.#error.replaceChildren(
      ...(message ?? '')
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => {
          const p = document.createElement('p');
          p.append(...linkedText(line, this.#links));
          return p;
        }),
    );
  }

  #setStale(stale: boolean): void {
    this.#root.dataset['stale'] = String(stale);
    this.#stale.hidden = !stale;
    this.#stale.textContent = stale ? 'Out of date: you changed the code after this run. Run the checks again.' : '';
  }

  #seconds(digits: number): string {
    return `${((performance.now() - this.#started) / 1000).toFixed(digits)} s`;
  }

  #stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}

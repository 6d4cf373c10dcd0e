// Renders a run as it streams: one list item per check as it finishes, a summary line, elapsed time.
import type { CheckReport, CheckResult, GradeEvent } from '../../schemas/report.ts';

const STATUS_TEXT: Record<CheckResult['status'], string> = {
  passed: 'Passed',
  failed: 'Failed',
  error: 'Error',
  timeout: 'Timed out',
  skipped: 'Skipped',
};

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
      return `The checks could not run: ${report.message ?? 'the grader reported an error.'}`;
  }
}

export class ResultsView {
  readonly #root: HTMLElement;
  readonly #summary: HTMLElement;
  readonly #list: HTMLOListElement;
  readonly #elapsed: HTMLElement;
  #timer: ReturnType<typeof setInterval> | undefined;
  #started = 0;

  constructor(root: HTMLElement) {
    this.#root = root;
    this.#summary = root.querySelector<HTMLElement>('[data-summary]') ?? root;
    this.#list = root.querySelector<HTMLOListElement>('[data-checks]') ?? document.createElement('ol');
    this.#elapsed = root.querySelector<HTMLElement>('[data-elapsed]') ?? document.createElement('span');
  }

  start(engineLabel: string): void {
    this.#list.replaceChildren();
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
    if (event.type === 'check') this.#list.append(renderCheck(event.check));
  }

  /** Shows a finished report; `live` runs also show the wall-clock time since Run was pressed. */
  finish(report: CheckReport, live = true): void {
    this.#stop();
    // The report is authoritative: redraw from it in declared order.
    this.#list.replaceChildren(...report.checks.map(renderCheck));
    this.#root.hidden = false;
    this.#root.dataset['status'] = report.status;
    this.#summary.textContent = summarize(report);
    this.#elapsed.textContent = live
      ? `Finished in ${this.#seconds(2)} (grading ${(report.durationMs / 1000).toFixed(2)} s).`
      : `Last run ${new Date(report.finishedAt).toLocaleString()}.`;
  }

  #seconds(digits: number): string {
    return `${((performance.now() - this.#started) / 1000).toFixed(digits)} s`;
  }

  fail(message: string, status = 'error'): void {
    this.#stop();
    this.#root.hidden = false;
    this.#root.dataset['status'] = status;
    this.#summary.textContent = message;
    this.#elapsed.textContent = '';
  }

  #stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}

function renderCheck(check: CheckResult): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'check';
  item.dataset['status'] = check.status;
  const title = document.createElement('p');
  title.className = 'check-title';
  const badge = document.createElement('span');
  badge.className = 'check-status';
  badge.textContent = STATUS_TEXT[check.status];
  const name = document.createElement('span');
  name.textContent = ` ${check.name}`;
  title.append(badge, name);
  item.append(title);
  if (check.message) {
    const message = document.createElement('p');
    message.className = 'check-message';
    message.textContent = check.message;
    item.append(message);
  }
  if (check.expected !== undefined || check.received !== undefined) {
    const values = document.createElement('dl');
    for (const [label, value] of [
      ['Expected', check.expected],
      ['Received', check.received],
    ] as const) {
      if (value === undefined) continue;
      const dt = document.createElement('dt');
      dt.textContent = label;
      const dd = document.createElement('dd');
      const code = document.createElement('code');
      code.textContent = value;
      dd.append(code);
      values.append(dt, dd);
    }
    item.append(values);
  }
  return item;
}

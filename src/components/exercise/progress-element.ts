// <workbook-progress>: shows saved progress without loading zod or the stores (kept tiny for pages
// read before any interaction). It reads defensively: anything unexpected counts as not started;
// validation, backup and the learner's notice happen in the progress store when an exercise loads.
import { PROGRESS_KEY } from '../../stores/progress-key.ts';

type Status = 'not-started' | 'attempted' | 'passed';
const LABELS: Record<Status, string> = { 'not-started': 'Not started', attempted: 'Attempted', passed: 'Passed' };

/** Reads each exercise's status from raw saved progress; never throws. */
export function readStatuses(raw: string | null): Map<string, Status> {
  const statuses = new Map<string, Status>();
  try {
    const parsed = JSON.parse(raw ?? '{}') as { exercises?: Record<string, { status?: unknown }> };
    for (const [id, value] of Object.entries(parsed.exercises ?? {})) {
      const status = value?.status;
      if (status === 'attempted' || status === 'passed') statuses.set(id, status);
    }
  } catch {
    // Unreadable data shows as not started; the store reports it when an exercise loads.
  }
  return statuses;
}

class WorkbookProgress extends HTMLElement {
  connectedCallback(): void {
    this.render();
    addEventListener('storage', (e) => e.key === PROGRESS_KEY && this.render());
    addEventListener('workbook:progress', () => this.render());
  }

  render(): void {
    let raw: string | null = null;
    try {
      raw = localStorage.getItem(PROGRESS_KEY);
    } catch {
      // Storage blocked: nothing saved to show.
    }
    const statuses = readStatuses(raw);
    const single = this.dataset['exercise'];
    if (single) {
      const status = statuses.get(single) ?? 'not-started';
      this.dataset['status'] = status;
      this.textContent = LABELS[status];
      return;
    }
    const ids = (this.dataset['exercises'] ?? '').split(' ').filter(Boolean);
    const passed = ids.filter((id) => statuses.get(id) === 'passed').length;
    const attempted = ids.filter((id) => statuses.get(id) === 'attempted').length;
    this.dataset['passed'] = String(passed);
    this.textContent = ids.length === 0 ? '' : `${passed} of ${ids.length} exercises passed in ${this.dataset['label'] ?? 'this set'}${attempted ? `, ${attempted} attempted` : ''}`;
  }
}

if (!customElements.get('workbook-progress')) customElements.define('workbook-progress', WorkbookProgress);

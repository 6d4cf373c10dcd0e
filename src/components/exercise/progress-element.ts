// <workbook-progress>: shows saved progress without loading zod or the full store (kept tiny for
// pages read before any interaction); see src/stores/progress-status.ts.
import { PROGRESS_KEY, readStatuses, type SavedStatus } from '../../stores/progress-status.ts';

type Status = SavedStatus;
const LABELS: Record<Status, string> = {
  'not-started': 'Not started',
  attempted: 'Attempted',
  // A test-first exercise between its stages: the spec is graded, the implementation is not yet.
  'spec-passed': 'Spec passed',
  passed: 'Passed',
};

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
    this.#fillWeekBadges(statuses);
    const ids = (this.dataset['exercises'] ?? '').split(' ').filter(Boolean);
    const passed = ids.filter((id) => statuses.get(id) === 'passed').length;
    const attempted = ids.filter((id) => ['attempted', 'spec-passed'].includes(statuses.get(id) ?? '')).length;
    this.dataset['passed'] = String(passed);
    this.textContent =
      ids.length === 0
        ? ''
        : `${passed} of ${ids.length} exercises passed in ${this.dataset['label'] ?? 'this set'}${attempted ? `, ${attempted} attempted` : ''}`;
  }

  /** Fills the sidebar's per-week [data-week-progress] badges from data-week-map (week → ids). */
  #fillWeekBadges(statuses: ReadonlyMap<string, Status>): void {
    if (!this.dataset['weekMap']) return;
    let map: Record<string, string[]> = {};
    try {
      map = JSON.parse(this.dataset['weekMap']) as Record<string, string[]>;
    } catch {
      return;
    }
    for (const badge of document.querySelectorAll<HTMLElement>('[data-week-progress]')) {
      const ids = map[badge.dataset['weekProgress'] ?? ''] ?? [];
      if (ids.length === 0) continue;
      const passed = ids.filter((id) => statuses.get(id) === 'passed').length;
      badge.textContent = `${passed}/${ids.length}`;
      badge.title = `${passed} of ${ids.length} exercises passed`;
      badge.dataset['complete'] = String(passed === ids.length);
    }
  }
}

if (!customElements.get('workbook-progress')) customElements.define('workbook-progress', WorkbookProgress);

import { bindNotice } from './notice.ts';
import { checklistView, fullStore, startChecklistView } from './page-state.ts';

/** <workbook-checklist data-checklist-id>: restores ticks, saves changes, keeps "n of m done" live. */
class WorkbookChecklist extends HTMLElement {
  #cleanup: Array<() => void> = [];

  connectedCallback(): void {
    const id = this.dataset['checklistId'];
    if (id === undefined) return;
    const boxes = [...this.querySelectorAll<HTMLInputElement>('input[type="checkbox"][data-item-id]')];
    const status = this.querySelector<HTMLElement>('.checklist-status');

    const showCount = (): void => {
      if (status === null) return;
      const done = boxes.filter((box) => box.checked).length;
      const text = `${done} of ${boxes.length} done${done === boxes.length ? ' — all requirements met' : ''}`;
      if (status.textContent !== text) status.textContent = text;
    };

    const onChange = (event: Event): void => {
      const box = event.target;
      const itemId = box instanceof HTMLInputElement ? box.dataset['itemId'] : undefined;
      if (!(box instanceof HTMLInputElement) || itemId === undefined) return;
      // Read the tick now: loading the store re-renders from saved data before this change is applied.
      const checked = box.checked;
      showCount(); // at once; the store confirms it when it has saved
      void fullStore().then((store) => store.setChecked(id, itemId, checked));
    };
    this.addEventListener('change', onChange);
    this.#cleanup.push(() => this.removeEventListener('change', onChange));

    this.#cleanup.push(
      checklistView.subscribe((view) => {
        const ticked = new Set(view.checklists[id] ?? []);
        for (const box of boxes) box.checked = ticked.has(box.dataset['itemId'] ?? '');
        showCount();
      }),
    );
    this.#cleanup.push(bindNotice(this.querySelector<HTMLElement>('.checklist-notice')));
    startChecklistView();
  }

  disconnectedCallback(): void {
    for (const stop of this.#cleanup.splice(0)) stop();
  }
}

if (!customElements.get('workbook-checklist')) customElements.define('workbook-checklist', WorkbookChecklist);

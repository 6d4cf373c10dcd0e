import { checklistStore } from '../../stores/checklists.ts';
import { bindNotice } from './notice.ts';

/** <workbook-checklist data-checklist-id>: restores ticks, saves changes, keeps "n of m done" live. */
class WorkbookChecklist extends HTMLElement {
  #cleanup: Array<() => void> = [];

  connectedCallback(): void {
    const id = this.dataset['checklistId'];
    if (id === undefined) return;
    const store = checklistStore();
    const boxes = [...this.querySelectorAll<HTMLInputElement>('input[type="checkbox"][data-item-id]')];
    const status = this.querySelector<HTMLElement>('.checklist-status');

    const onChange = (event: Event): void => {
      const box = event.target;
      if (!(box instanceof HTMLInputElement) || box.dataset['itemId'] === undefined) return;
      store.setChecked(id, box.dataset['itemId'], box.checked);
    };
    this.addEventListener('change', onChange);
    this.#cleanup.push(() => this.removeEventListener('change', onChange));

    this.#cleanup.push(
      store.$state.subscribe((state) => {
        const ticked = new Set(state.checklists[id]?.checked ?? []);
        let done = 0;
        for (const box of boxes) {
          box.checked = ticked.has(box.dataset['itemId'] ?? '');
          if (box.checked) done += 1;
        }
        if (status !== null) {
          const total = boxes.length;
          const text = `${done} of ${total} done${done === total ? ' — all requirements met' : ''}`;
          if (status.textContent !== text) status.textContent = text;
        }
      }),
    );
    this.#cleanup.push(bindNotice(store, this.querySelector<HTMLElement>('.checklist-notice')));
  }

  disconnectedCallback(): void {
    for (const stop of this.#cleanup.splice(0)) stop();
  }
}

if (!customElements.get('workbook-checklist')) customElements.define('workbook-checklist', WorkbookChecklist);

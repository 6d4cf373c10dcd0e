// <progress-file>: export the whole progress as a file, import one (validated, changes shown,
// merged only when the learner agrees), and the "no progress at this address" notice.
import { buildProgressFile, parseProgressFile, progressFileName } from '../../stores/progress-file.ts';
import { mergeProgress } from '../../stores/progress-merge.ts';
import { progressStore } from '../../stores/progress.ts';
import type { Progress } from '../../schemas/progress.ts';
import { download, embeddedJson, h } from '../../mentor/elements/dom.ts';

class ProgressFileElement extends HTMLElement {
  #pending: Progress | undefined;
  #titles: Record<string, string> = {};

  connectedCallback(): void {
    this.#titles = embeddedJson<Record<string, string>>('progress-file-titles');
    const store = progressStore();
    this.#part('[data-origin]').textContent = location.origin;
    store.$progress.subscribe((p) => {
      this.#part('[data-empty-notice]').hidden = Object.keys(p.exercises).length > 0;
    });
    this.#part('[data-export]').addEventListener('click', () => {
      const name = progressFileName();
      download(
        name,
        `${JSON.stringify(buildProgressFile(store.$progress.get(), location.origin), null, 2)}\n`,
        'application/json',
      );
      this.#status(`Progress saved as ${name}. Import it on the other address or machine.`);
    });
    const input = this.#part<HTMLInputElement>('[data-import]');
    input.addEventListener('change', async () => {
      const file = input.files?.[0];
      input.value = '';
      if (file) this.#review(await file.text(), file.name);
    });
    this.#part('[data-apply]').addEventListener('click', () => this.#apply());
    this.#part('[data-cancel]').addEventListener('click', () => {
      this.#close();
      this.#status('Import cancelled; nothing changed.');
    });
  }

  #review(text: string, name: string): void {
    this.#close();
    this.#status('');
    const parsed = parseProgressFile(text, `"${name}"`);
    const error = this.#part('[data-error]');
    error.hidden = parsed.ok;
    if (!parsed.ok) {
      error.textContent = `Not imported: ${parsed.error}`;
      return;
    }
    const { changes } = mergeProgress(progressStore().$progress.get(), parsed.value.progress, this.#title);
    if (changes.length === 0) {
      this.#status(`"${name}" holds nothing new: your progress here already has all of it.`);
      return;
    }
    this.#pending = parsed.value.progress;
    this.#part('[data-review-title]').textContent =
      `"${name}" (from ${parsed.value.source}, ${parsed.value.exportedAt.slice(0, 10)}) would change ${changes.length} thing(s). Nothing is saved until you merge:`;
    this.#part('[data-changes]').replaceChildren(...changes.map((c) => h('li', {}, c)));
    this.#part('[data-review]').hidden = false;
    this.#part<HTMLButtonElement>('[data-apply]').focus();
  }

  #apply(): void {
    if (!this.#pending) return;
    const saved = progressStore().merge(this.#pending);
    this.#close();
    this.#status(
      saved
        ? 'Merged: your progress here now includes the file.'
        : 'Not saved: the browser refused to store the merged progress (see the notice about saved data).',
    );
  }

  #close(): void {
    this.#pending = undefined;
    this.#part('[data-review]').hidden = true;
  }

  #title = (id: string) => this.#titles[id] ?? id;

  #status(text: string): void {
    this.#part('[data-status]').textContent = text;
  }

  #part<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.querySelector<T>(selector)!;
  }
}

customElements.define('progress-file', ProgressFileElement);

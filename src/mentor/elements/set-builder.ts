// <set-builder>: turns the form into an exercise set, validates it, and hands it out as a link and a file.
import { exerciseSetSchema, type ExerciseSet } from '../../schemas/exercise-set.ts';
import { encodeSetLink } from '../set-link.ts';
import { pickedCount, setFormMessages } from '../set-form-messages.ts';
import { download, embeddedJson } from './dom.ts';
import { withBase } from '../../components/site/base-url.ts';

/** Form labels by schema field, so a problem names the control to fix. */
const LABELS: Record<string, string> = {
  title: 'Set title',
  mentor: 'Your name',
  notes: 'Notes',
  exercises: 'Exercises',
  id: 'Set title',
};

const slug = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80)
    .replace(/-$/, '');

class SetBuilder extends HTMLElement {
  #set: ExerciseSet | undefined;

  connectedCallback(): void {
    const form = this.querySelector('form')!;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#create(form);
    });
    const count = () =>
      (this.querySelector('[data-picked]')!.textContent = pickedCount(
        form.querySelectorAll('input[name="include"]:checked').length,
      ));
    form.addEventListener('change', count);
    form.addEventListener('input', () => {
      if (this.#set)
        this.#status('The form changed since the link was made: press "Create link" again to include the changes.');
    });
    form.querySelector<HTMLSelectElement>('#start-from')?.addEventListener('change', (event) => {
      this.#startFrom(form, (event.target as HTMLSelectElement).value);
      count();
    });
    this.querySelector('[data-copy]')!.addEventListener('click', () => void this.#copy());
    this.querySelector('[data-download]')!.addEventListener('click', () => {
      if (this.#set)
        download(`set-${this.#set.id}.json`, `${JSON.stringify(this.#set, null, 2)}\n`, 'application/json');
    });
  }

  #startFrom(form: HTMLFormElement, id: string): void {
    const set = embeddedJson<ExerciseSet[]>('curated-sets').find((s) => s.id === id);
    const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement;
    field('title').value = set?.title ?? '';
    field('notes').value = set?.notes ?? '';
    for (const box of form.querySelectorAll<HTMLInputElement>('input[name="include"]')) {
      const picked = set?.exercises.find((e) => e.id === box.value);
      box.checked = picked !== undefined;
      field(`due-${box.value}`).value = picked?.due ?? '';
    }
  }

  async #create(form: HTMLFormElement): Promise<void> {
    const error = this.querySelector<HTMLElement>('[data-error]')!;
    const data = new FormData(form);
    const title = String(data.get('title') ?? '').trim();
    const notes = String(data.get('notes') ?? '').trim();
    const raw = {
      format: 'backend-workbook/exercise-set',
      version: 1,
      id: slug(title) || 'exercise-set',
      title,
      mentor: String(data.get('mentor') ?? '').trim(),
      ...(notes ? { notes } : {}),
      exercises: data.getAll('include').map((id) => {
        const due = String(data.get(`due-${String(id)}`) ?? '');
        return { id: String(id), ...(due ? { due } : {}) };
      }),
    } satisfies Record<string, unknown>;
    const parsed = exerciseSetSchema.safeParse(raw);
    const messages = parsed.success ? {} : setFormMessages(parsed.error.issues);
    // Each problem sits next to its field (and is read with it); the alert only names the fields.
    for (const slot of this.querySelectorAll<HTMLElement>('[data-field-error]')) {
      const message = messages[slot.dataset['fieldError'] as keyof typeof messages];
      slot.textContent = message ?? '';
      slot.hidden = !message;
      const input = form.querySelector(`[aria-describedby="${slot.id}"]`);
      if (message) input?.setAttribute('aria-invalid', 'true');
      else input?.removeAttribute('aria-invalid');
    }
    if (!parsed.success) {
      const fields = Object.keys(messages).map((f) => LABELS[f] ?? f);
      error.textContent = `The set cannot be created yet: see the note${fields.length === 1 ? '' : 's'} at ${fields.join(', ')}. Then press "Create link" again.`;
      error.hidden = false;
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    error.hidden = true;
    this.#set = parsed.data;
    const link = await encodeSetLink(this.#set, new URL(withBase('/assign/'), location.href).href);
    const result = this.querySelector<HTMLElement>('[data-result]')!;
    result.hidden = false;
    const input = this.querySelector<HTMLInputElement>('[data-link]')!;
    input.value = link;
    input.focus();
    input.select();
    this.#status(`Link ready: ${this.#set.exercises.length} exercise(s).`);
  }

  async #copy(): Promise<void> {
    const input = this.querySelector<HTMLInputElement>('[data-link]')!;
    try {
      await navigator.clipboard.writeText(input.value);
      this.#status('Link copied.');
    } catch {
      input.select();
      this.#status('Copying was blocked; the link is selected, press Ctrl+C.');
    }
  }

  #status(text: string): void {
    this.querySelector('[data-status]')!.textContent = text;
  }
}

customElements.define('set-builder', SetBuilder);

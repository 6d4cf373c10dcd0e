// <assign-landing>: decodes the set from the link (or a file) and adds it to the assignments store.
// A set that would replace an assignment the intern already has is shown as a list of changes and
// applied only when they agree (a link can come from anyone). A second link pasted into the same
// tab only changes the fragment, so the page listens for hashchange too.
import type { ExerciseSet } from '../../schemas/exercise-set.ts';
import { parseSetText } from '../formats.ts';
import type { Parsed } from '../parse-file.ts';
import { setChanges } from '../set-changes.ts';
import { decodeSetFragment } from '../set-link.ts';
import { $assignments, $assignmentsProblem, addAssignment } from '../../stores/assignments.ts';
import { embeddedJson, h } from './dom.ts';
import { withBase } from '../../components/site/base-url.ts';

const VERB = { added: 'Added to', updated: 'Updated in', unchanged: 'Already in' } as const;

class AssignLanding extends HTMLElement {
  #readFragment = (): void => {
    if (location.hash) void decodeSetFragment(location.hash).then((r) => this.#show(r));
    else
      this.#message(
        'This link carries no assignment. Open the full link your mentor sent, or open the set file below.',
        true,
      );
  };

  connectedCallback(): void {
    this.#readFragment();
    window.addEventListener('hashchange', this.#readFragment);
    this.querySelector<HTMLInputElement>('[data-file]')!.addEventListener('change', async (event) => {
      const file = (event.target as HTMLInputElement).files?.[0];
      if (file) this.#show(parseSetText(await file.text(), `"${file.name}"`));
    });
  }

  disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.#readFragment);
  }

  #show(result: Parsed<ExerciseSet>): void {
    this.#confirm(null);
    if (!result.ok) {
      this.#message(result.error, true);
      return;
    }
    const set = result.value;
    const held = $assignments.get().assignments.find((a) => a.set.id === set.id)?.set;
    const changes = held ? setChanges(held, set) : [];
    if (held && changes.length > 0) {
      this.#message(
        `You already have "${held.title}" from ${held.mentor}. This link would replace it. Check what changes:`,
        false,
      );
      this.#details(set);
      this.#confirm(
        changes,
        () => this.#add(set),
        () => this.#message(`Kept your assignment "${held.title}" as it was; nothing changed.`, false),
      );
      return;
    }
    this.#add(set);
  }

  #add(set: ExerciseSet): void {
    this.#confirm(null);
    const outcome = addAssignment(set);
    const problem = $assignmentsProblem.get();
    this.#message(
      `${VERB[outcome]} your assignments: "${set.title}" from ${set.mentor}, ${set.exercises.length} exercise(s).${problem ? ` Note: ${problem}` : ''}`,
      false,
    );
    this.#details(set);
  }

  #details(set: ExerciseSet): void {
    const titles = new Map(Object.entries(embeddedJson<Record<string, string>>('exercise-titles')));
    const details = this.querySelector<HTMLElement>('[data-details]')!;
    details.replaceChildren(
      ...(set.notes ? [h('p', {}, h('strong', {}, 'Notes from your mentor: '), set.notes)] : []),
      h(
        'ul',
        {},
        ...set.exercises.map((e) =>
          h(
            'li',
            {},
            titles.has(e.id)
              ? h('a', { href: withBase(`/exercises/${e.id}/`) }, titles.get(e.id)!)
              : `${e.id} (not in this workbook)`,
            e.due ? ` — due ${e.due}` : '',
          ),
        ),
      ),
    );
    details.hidden = false;
  }

  /** Shows the changes with Replace / Keep buttons; null removes them. */
  #confirm(changes: string[] | null, replace?: () => void, keep?: () => void): void {
    this.querySelector('[data-confirm]')?.remove();
    if (changes === null) return;
    const box = h(
      'div',
      { class: 'card', 'data-confirm': '' },
      h('ul', { 'aria-label': 'What changes' }, ...changes.map((c) => h('li', {}, c))),
      h('button', { type: 'button', onclick: () => replace?.() }, 'Replace my assignment'),
      ' ',
      h(
        'button',
        {
          type: 'button',
          onclick: () => {
            this.#confirm(null);
            keep?.();
          },
        },
        'Keep the one I have',
      ),
    );
    this.querySelector('[data-outcome]')!.after(box);
  }

  #message(text: string, isError: boolean): void {
    const box = this.querySelector<HTMLElement>('[data-outcome]')!;
    box.classList.toggle('error', isError);
    box.querySelector('[data-message]')!.textContent = text;
    box.setAttribute('role', isError ? 'alert' : 'status');
  }
}

customElements.define('assign-landing', AssignLanding);

// <assign-landing>: decodes the set from the link (or a file) and adds it to the assignments store.
import type { ExerciseSet } from '../../schemas/exercise-set.ts';
import { parseSetText } from '../../mentor/formats.ts';
import type { Parsed } from '../../mentor/parse-file.ts';
import { decodeSetFragment } from '../../mentor/set-link.ts';
import { $assignmentsProblem, addAssignment } from '../../stores/assignments.ts';
import { embeddedJson, h } from './dom.ts';
import { withBase } from '../site/base-url.ts';

const VERB = { added: 'Added to', updated: 'Updated in', unchanged: 'Already in' } as const;

class AssignLanding extends HTMLElement {
  connectedCallback(): void {
    if (location.hash) void decodeSetFragment(location.hash).then((r) => this.#show(r));
    else this.#message('This link carries no assignment. Open the full link your mentor sent, or open the set file below.', true);
    this.querySelector<HTMLInputElement>('[data-file]')!.addEventListener('change', async (event) => {
      const file = (event.target as HTMLInputElement).files?.[0];
      if (file) this.#show(parseSetText(await file.text(), `"${file.name}"`));
    });
  }

  #show(result: Parsed<ExerciseSet>): void {
    if (!result.ok) return this.#message(result.error, true);
    const set = result.value;
    const outcome = addAssignment(set);
    const problem = $assignmentsProblem.get();
    this.#message(`${VERB[outcome]} your assignments: "${set.title}" from ${set.mentor}, ${set.exercises.length} exercise(s).${problem ? ` Note: ${problem}` : ''}`, false);
    const titles = embeddedJson<Record<string, string>>('exercise-titles');
    const details = this.querySelector<HTMLElement>('[data-details]')!;
    details.replaceChildren(
      ...(set.notes ? [h('p', {}, h('strong', {}, 'Notes from your mentor: '), set.notes)] : []),
      h(
        'ul',
        {},
        ...set.exercises.map((e) =>
          h('li', {}, Object.hasOwn(titles, e.id) ? h('a', { href: withBase(`/exercises/${e.id}/`) }, titles[e.id]!) : `${e.id} (not in this workbook)`, e.due ? ` — due ${e.due}` : ''),
        ),
      ),
    );
    details.hidden = false;
  }

  #message(text: string, isError: boolean): void {
    const box = this.querySelector<HTMLElement>('[data-outcome]')!;
    box.classList.toggle('error', isError);
    box.querySelector('[data-message]')!.textContent = text;
    box.setAttribute('role', isError ? 'alert' : 'status');
  }
}

customElements.define('assign-landing', AssignLanding);

import type { AssessmentDefinition } from '../../schemas/checklist.ts';
import { bindNotice } from './notice.ts';
import { checklistView, fullStore, startChecklistView } from './page-state.ts';
import { parseScoreInput, scoreAssessment } from './scoring.ts';

/** <workbook-self-assessment data-assessment>: saves each area's score and shows the weighted verdict. */
class WorkbookSelfAssessment extends HTMLElement {
  #cleanup: Array<() => void> = [];

  connectedCallback(): void {
    // Validated by SelfAssessment.astro at build time; the page only reads what the build wrote.
    const definition = JSON.parse(this.dataset['assessment'] ?? 'null') as AssessmentDefinition | null;
    if (definition === null) return;
    const inputs = [...this.querySelectorAll<HTMLInputElement>('input[data-area-id]')];
    const result = this.querySelector<HTMLElement>('.assessment-result');

    const showError = (input: HTMLInputElement, message: string | null): void => {
      const error = this.querySelector<HTMLElement>(`#${CSS.escape(input.id)}-error`);
      input.setAttribute('aria-invalid', message === null ? 'false' : 'true');
      if (error !== null) {
        error.hidden = message === null;
        error.textContent = message ?? '';
      }
    };

    const onInput = (event: Event): void => {
      const input = event.target;
      const areaId = input instanceof HTMLInputElement ? input.dataset['areaId'] : undefined;
      if (!(input instanceof HTMLInputElement) || areaId === undefined) return;
      // A number field reports "" for text it cannot parse; badInput tells that apart from an empty field.
      const parsed = input.validity.badInput ? parseScoreInput('not a number') : parseScoreInput(input.value);
      if (!parsed.ok) {
        showError(input, parsed.message);
        return;
      }
      showError(input, null);
      void fullStore().then((store) => store.setScore(definition.id, areaId, parsed.score));
    };
    this.addEventListener('input', onInput);
    this.#cleanup.push(() => this.removeEventListener('input', onInput));

    this.#cleanup.push(
      checklistView.subscribe((view) => {
        const scores = view.assessments[definition.id] ?? {};
        for (const input of inputs) {
          const saved = scores[input.dataset['areaId'] ?? ''];
          // Do not rewrite the field the learner is typing in (it would move the caret).
          if (document.activeElement !== input) input.value = saved === undefined ? '' : String(saved);
        }
        if (result !== null) showResult(result, definition, scores);
      }),
    );
    this.#cleanup.push(bindNotice(this.querySelector<HTMLElement>('.checklist-notice')));
    startChecklistView();
  }

  disconnectedCallback(): void {
    for (const stop of this.#cleanup.splice(0)) stop();
  }
}

function showResult(
  result: HTMLElement,
  definition: AssessmentDefinition,
  scores: Readonly<Record<string, number>>,
): void {
  const outcome = scoreAssessment(definition, scores);
  let text: string;
  if (outcome.total === null) {
    const left = outcome.missing.length;
    text = `${definition.areas.length - left} of ${definition.areas.length} areas scored; ${left} to go. Weighted points so far: ${outcome.earned}.`;
    delete result.dataset['passed'];
  } else {
    const verdict = outcome.passed
      ? `Pass: at or above the ${definition.passMark}% mark.`
      : `Not yet: ${Math.round((definition.passMark - outcome.total) * 10) / 10} points below the ${definition.passMark}% mark.`;
    text = `Weighted total: ${outcome.total}%. ${verdict}`;
    result.dataset['passed'] = String(outcome.passed);
  }
  if (result.textContent !== text) result.textContent = text;
}

if (!customElements.get('workbook-self-assessment')) {
  customElements.define('workbook-self-assessment', WorkbookSelfAssessment);
}

// Under the engine name: which isolation the last run had, and anything its code tried that the
// sandbox refused (report.isolation, report.attempts). A learner sees what a mentor will see.
import { attemptsOf, reportIsolationSentence } from '../../schemas/isolation-label.ts';
import type { CheckReport } from '../../schemas/report.ts';

/** Fills `element` from a finished report. */
export function renderIsolation(element: HTMLElement, report: CheckReport): void {
  element.hidden = false;
  element.dataset['isolation'] = report.isolation;
  const attempts = attemptsOf(report);
  const list = document.createElement('ul');
  list.append(...attempts.map((a) => Object.assign(document.createElement('li'), { textContent: `Refused: ${a}` })));
  element.replaceChildren(reportIsolationSentence(report), ...(attempts.length ? [list] : []));
}

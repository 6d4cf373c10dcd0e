// One check of a report as a list item, and result text whose places in the learner's files are
// links that open the file at that line.
import type { CheckResult } from '../../schemas/report.ts';
import { splitLocations, type FileLocation } from '../../schemas/report-locations.ts';

export type CheckLabel = CheckResult['status'] | 'not-run';

const STATUS_TEXT: Record<CheckLabel, string> = {
  passed: 'Passed',
  failed: 'Failed',
  error: 'Error',
  timeout: 'Timed out',
  skipped: 'Skipped',
  'not-run': 'Not run',
};

/** Where result text may link to, and what a link does. */
export interface LocationLinks {
  files: readonly string[];
  open(location: FileLocation): void;
}

/** `text` (leading blank lines dropped) with every place in the learner's files as a link. */
export function linkedText(text: string, links: LocationLinks): (string | HTMLAnchorElement)[] {
  return splitLocations(text.replace(/^\s*\n/, ''), links.files).map((part) => {
    if (!('location' in part)) return part.text;
    const { location } = part;
    const a = document.createElement('a');
    a.className = 'result-location';
    a.href = `#${encodeURIComponent(`${location.path}:${location.line}:${location.column}`)}`;
    a.textContent = part.text;
    a.title = `Open ${location.path} at line ${location.line}`;
    a.dataset['path'] = location.path;
    a.addEventListener('click', (event) => {
      event.preventDefault();
      links.open(location);
    });
    return a;
  });
}

/** A check as a list item; `notRun` lists it without an outcome (the run itself failed). */
export function renderCheck(check: CheckResult, links: LocationLinks, notRun = false): HTMLLIElement {
  const label: CheckLabel = notRun ? 'not-run' : check.status;
  const item = document.createElement('li');
  item.className = 'check';
  item.dataset['status'] = label;
  const title = document.createElement('p');
  title.className = 'check-title';
  const badge = document.createElement('span');
  badge.className = 'check-status';
  badge.textContent = STATUS_TEXT[label];
  const name = document.createElement('span');
  name.textContent = ` ${check.name}`;
  title.append(badge, name);
  item.append(title);
  if (notRun) return item;
  if (check.message) {
    const message = document.createElement('p');
    message.className = 'check-message';
    message.append(...linkedText(check.message, links));
    item.append(message);
  }
  if (check.expected !== undefined || check.received !== undefined) {
    const values = document.createElement('dl');
    for (const [label, value] of [
      ['Expected', check.expected],
      ['Received', check.received],
    ] as const) {
      if (value === undefined) continue;
      const dt = document.createElement('dt');
      dt.textContent = label;
      const dd = document.createElement('dd');
      const code = document.createElement('code');
      code.textContent = value;
      dd.append(code);
      values.append(dt, dd);
    }
    item.append(values);
  }
  return item;
}

// <workbook-assignments>: renders the intern's assignments from the assignments and progress stores
// and exports a progress report per assignment.
import { summarizeAssignment, localDay } from '../assignment-progress.ts';
import { buildReport, reportFileName } from '../report-build.ts';
import { internSchema } from '../../schemas/report-file.ts';
import { MAX_PROJECT_ARCHIVE_BYTES } from '../../schemas/project.ts';
import type { Progress } from '../../schemas/progress.ts';
import {
  $assignments,
  $assignmentsProblem,
  removeAssignment,
  setIntern,
  type Assignment,
} from '../../stores/assignments.ts';
import { progressStore } from '../../stores/progress.ts';
import { download, embeddedJson, h } from './dom.ts';
import { withBase } from '../../components/site/base-url.ts';

const STATUS_LABEL = { passed: 'passed', attempted: 'attempted', 'not-started': 'not started' } as const;

class WorkbookAssignments extends HTMLElement {
  #titles: Record<string, string> = {};

  connectedCallback(): void {
    this.#titles = embeddedJson<Record<string, string>>('assignment-titles');
    const progress = progressStore();
    const form = this.querySelector<HTMLFormElement>('[data-who]')!;
    const intern = $assignments.get().intern;
    (form.elements.namedItem('name') as HTMLInputElement).value = intern?.name ?? '';
    (form.elements.namedItem('email') as HTMLInputElement).value = intern?.email ?? '';
    form.addEventListener('submit', (event) => event.preventDefault());
    $assignmentsProblem.subscribe((problem) => {
      const el = this.querySelector<HTMLElement>('[data-problem]')!;
      el.textContent = problem ?? '';
      el.hidden = !problem;
    });
    const render = () => this.#render($assignments.get().assignments, progress.$progress.get());
    $assignments.subscribe(render);
    progress.$progress.subscribe(render);
  }

  #render(assignments: Assignment[], progress: Progress): void {
    this.querySelector<HTMLElement>('[data-empty]')!.hidden = assignments.length > 0;
    this.querySelector<HTMLElement>('[data-who]')!.hidden = assignments.length === 0;
    const today = localDay();
    this.querySelector('[data-list]')!.replaceChildren(
      ...assignments.map(({ set }) => {
        const summary = summarizeAssignment(set, progress, today);
        const headingId = `assignment-${set.id}`;
        return h(
          'li',
          { 'aria-labelledby': headingId, 'data-set': set.id },
          h('h3', { id: headingId }, set.title),
          h(
            'p',
            {},
            `From ${set.mentor} · `,
            h('strong', {}, `${summary.done} / ${summary.total} done`),
            summary.nextDue ? ` · next due ${summary.nextDue}` : '',
            summary.overdueCount > 0 ? h('span', { class: 'overdue' }, ` · ${summary.overdueCount} overdue`) : '',
          ),
          set.notes ? h('p', { class: 'muted' }, set.notes) : null,
          h(
            'ul',
            { class: 'items' },
            ...summary.items.map((item) =>
              h(
                'li',
                {},
                Object.hasOwn(this.#titles, item.id)
                  ? h('a', { href: withBase(`/exercises/${item.id}/`) }, this.#titles[item.id]!)
                  : `${item.id} (not in this workbook)`,
                ` — ${STATUS_LABEL[item.status]}`,
                item.due ? ` · due ${item.due}` : '',
                item.overdue ? h('span', { class: 'overdue' }, ' · overdue') : '',
              ),
            ),
          ),
          h(
            'p',
            { class: 'row' },
            h(
              'button',
              {
                class: 'button',
                type: 'button',
                onclick: () => void this.#export(set.id),
                'aria-label': `Export report for ${set.title}`,
              },
              'Export report',
            ),
            h(
              'button',
              {
                class: 'button',
                type: 'button',
                onclick: () => this.#remove(set.id, set.title),
                'aria-label': `Remove assignment ${set.title}`,
              },
              'Remove',
            ),
          ),
        );
      }),
    );
  }

  async #export(setId: string): Promise<void> {
    const form = this.querySelector<HTMLFormElement>('[data-who]')!;
    const name = (form.elements.namedItem('name') as HTMLInputElement).value.trim();
    const email = (form.elements.namedItem('email') as HTMLInputElement).value.trim();
    const intern = internSchema.safeParse({ name, ...(email ? { email } : {}) });
    if (!intern.success) {
      const field = intern.error.issues[0]?.path[0] === 'email' ? 'Email' : 'Your name';
      this.#status(
        `Cannot export: "${field}" ${field === 'Email' ? 'is not a valid address' : 'is empty'}. Fill it in above, then export again.`,
      );
      form.querySelector<HTMLInputElement>(field === 'Email' ? 'input[name="email"]' : 'input[name="name"]')!.focus();
      return;
    }
    setIntern(intern.data);
    const assignment = $assignments.get().assignments.find((a) => a.set.id === setId);
    if (!assignment) return;
    const file = (form.elements.namedItem('archive') as HTMLInputElement | null)?.files?.[0];
    if (file && file.size > MAX_PROJECT_ARCHIVE_BYTES) {
      this.#status(
        `Cannot export: the project archive "${file.name}" is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 2 MB. Pack it without node_modules, dist and coverage.`,
      );
      return;
    }
    const projectArchive = file ? toBase64(new Uint8Array(await file.arrayBuffer())) : undefined;
    const report = buildReport({
      intern: intern.data,
      set: assignment.set,
      progress: progressStore().$progress.get(),
      ...(projectArchive ? { projectArchive } : {}),
    });
    const name_ = reportFileName(report);
    download(name_, `${JSON.stringify(report, null, 2)}\n`, 'application/json');
    this.#status(`Report saved as ${name_}. Send that file to ${assignment.set.mentor}.`);
  }

  #remove(setId: string, title: string): void {
    if (!confirm(`Remove the assignment "${title}"? Your exercise progress stays.`)) return;
    removeAssignment(setId);
    this.#status(`Removed "${title}".`);
  }

  #status(text: string): void {
    this.querySelector('[data-status]')!.textContent = text;
  }
}

/** Base64 of bytes, in chunks (a 2 MB archive would overflow one String.fromCharCode call). */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

customElements.define('workbook-assignments', WorkbookAssignments);

// <workbook-assignments>: renders the intern's assignments from the assignments and progress stores
// and exports a progress report per assignment. An attached project archive is checked with the
// rules a mentor's re-grade applies (src/schemas/project-archive.ts) when it is attached and again
// at export, so an intern never sends an archive the mentor's re-grade would refuse.
import { summarizeAssignment, localDay } from '../assignment-progress.ts';
import { buildReport, reportFileName } from '../report-build.ts';
import { internSchema } from '../../schemas/report-file.ts';
import { ArchiveError, checkArchiveSize, PACK_COMMAND, readProjectArchive } from '../../schemas/project-archive.ts';
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
  /** Bumped per attached file, so a slow check of an earlier file never overwrites a later file's verdict. */
  #archiveCheck = 0;

  connectedCallback(): void {
    this.#titles = embeddedJson<Record<string, string>>('assignment-titles');
    const progress = progressStore();
    const form = this.querySelector<HTMLFormElement>('[data-who]')!;
    const intern = $assignments.get().intern;
    (form.elements.namedItem('name') as HTMLInputElement).value = intern?.name ?? '';
    (form.elements.namedItem('email') as HTMLInputElement).value = intern?.email ?? '';
    form.addEventListener('submit', (event) => event.preventDefault());
    const archive = form.elements.namedItem('archive') as HTMLInputElement | null;
    archive?.addEventListener('change', () => {
      const check = ++this.#archiveCheck;
      const file = archive.files?.[0];
      if (!file) return this.#archiveProblem(undefined);
      void this.#readArchive(file).then((result) => {
        if (check === this.#archiveCheck) this.#archiveProblem(typeof result === 'string' ? result : undefined);
      });
    });
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
    const input = form.elements.namedItem('archive') as HTMLInputElement | null;
    const file = input?.files?.[0];
    const archive = file ? await this.#readArchive(file) : undefined;
    if (typeof archive === 'string') {
      // The form keeps the name, email and file: the intern packs again and picks the new file.
      this.#archiveProblem(archive);
      this.#status('Cannot export: the attached project archive is not accepted (the message under it says why).');
      input?.focus();
      return;
    }
    this.#archiveProblem(undefined);
    const projectArchive = archive ? toBase64(archive) : undefined;
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

  /** The archive's bytes, or what a re-grade would refuse in it and what to do. */
  async #readArchive(file: File): Promise<Uint8Array | string> {
    try {
      checkArchiveSize(file.size);
      const bytes = new Uint8Array(await file.arrayBuffer());
      await readProjectArchive(bytes);
      return bytes;
    } catch (error) {
      if (!(error instanceof ArchiveError)) throw error;
      return `the project archive "${file.name}" would be refused by your mentor's re-grade: ${error.message.replace(/\.$/, '')}. Make it with \`${PACK_COMMAND}\` (from the workbook folder), attach the file it writes, and export again.`;
    }
  }

  #archiveProblem(text: string | undefined): void {
    const el = this.querySelector<HTMLElement>('[data-archive-problem]');
    if (!el) return;
    el.textContent = text ? `Not accepted: ${text}` : '';
    el.hidden = !text;
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

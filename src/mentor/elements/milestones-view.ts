// The dashboard's "Capstone milestones" table (interns × m1…m4) and its re-grade button. Re-grades
// go to the local server's POST /api/project-regrade with the report's project archive. While one
// runs, Cancel (or Escape in the section) aborts the request: the server stops the run and cleans
// it up, and the milestone under way gets no verdict.
import { regradeProjectLocally } from '../../sandbox/local-engine.ts';
import { ISOLATION_LABELS } from '../../schemas/isolation-label.ts';
import { PROJECT_MILESTONES } from '../../schemas/project.ts';
import type { GradeEvent } from '../../schemas/report.ts';
import type { PersistedStore } from '../../stores/persisted.ts';
import type { Cohort } from '../cohort.ts';
import { type MilestoneCell, milestoneRegradeTasks, milestoneTable, regradeMilestone } from '../cohort-milestones.ts';
import { h } from './dom.ts';

const STATUS_LABEL = { passed: 'Passed', attempted: 'Attempted', 'not-started': 'Not started' } as const;
const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** Draws the milestone table into `host` from the cohort. */
export function renderMilestones(host: Element, store: PersistedStore<Cohort>): void {
  const rows = milestoneTable(store.get());
  if (rows.length === 0) {
    host.replaceChildren(h('p', {}, 'No report carries capstone milestones yet.'));
    return;
  }
  host.replaceChildren(
    h(
      'table',
      {},
      h('caption', {}, `${rows.length} intern(s) × milestones ${PROJECT_MILESTONES.join(', ')}`),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Intern'),
          ...PROJECT_MILESTONES.map((m) => h('th', { scope: 'col' }, m)),
        ),
      ),
      h(
        'tbody',
        {},
        ...rows.map((row) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, row.intern.name, row.intern.email ? h('small', {}, row.intern.email) : null),
            ...PROJECT_MILESTONES.map((m) => cell(row.cells.get(m))),
          ),
        ),
      ),
    ),
  );
}

function cell(c: MilestoneCell | undefined): HTMLTableCellElement {
  if (!c) return h('td', { class: 'empty' }, h('span', { class: 'muted' }, 'not checked'));
  const v = c.verdict;
  return h(
    'td',
    { class: `status-${c.status}`, 'data-milestone': c.milestone },
    STATUS_LABEL[c.status],
    h('small', {}, `${c.attempts} check run(s)`),
    c.passedAt ? h('small', {}, `passed ${when(c.passedAt)}`) : null,
    c.lastRun
      ? h(
          'small',
          { class: 'isolation' },
          `intern's run: ${ISOLATION_LABELS[c.lastRun.isolation]}, ${when(c.lastRun.finishedAt)}`,
        )
      : null,
    c.hasArchive ? null : h('small', { class: 'muted' }, 'no project archive'),
    v ? h('small', { class: `verdict-${v.verdict}`, title: v.message }, `${v.verdict}: ${v.message}`) : null,
    v?.isolation ? h('small', { class: 'isolation' }, `re-grade: ${ISOLATION_LABELS[v.isolation]}`) : null,
  );
}

/** Wires "Re-grade milestones" and its Cancel (shown while a re-grade runs; Escape in `section` too). */
export function wireMilestoneRegrade(section: HTMLElement, store: PersistedStore<Cohort>): void {
  const button = section.querySelector<HTMLButtonElement>('[data-regrade-milestones]')!;
  const cancel = section.querySelector<HTMLButtonElement>('[data-cancel-milestones]')!;
  const status = section.querySelector<HTMLElement>('[data-milestones-status]')!;
  let running: AbortController | undefined;
  cancel.addEventListener('click', () => running?.abort());
  section.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !running) return;
    event.preventDefault();
    running.abort();
  });
  button.addEventListener('click', async () => {
    if (running) return;
    running = new AbortController();
    // The disabled button would drop keyboard focus: it moves to Cancel, and back when the run ends.
    const hadFocus = document.activeElement === button;
    button.disabled = true;
    cancel.hidden = false;
    if (hadFocus) cancel.focus();
    try {
      await regradeMilestones(store, (text) => (status.textContent = text), running.signal);
    } finally {
      running = undefined;
      const cancelHadFocus = document.activeElement === cancel;
      button.disabled = false;
      cancel.hidden = true;
      if (cancelHadFocus) button.focus();
    }
  });
}

/**
 * Re-grades every claimed milestone, one at a time, saving each verdict as it lands. Once `signal`
 * is aborted the milestone under way gets no verdict and the rest are not started.
 */
async function regradeMilestones(
  store: PersistedStore<Cohort>,
  status: (text: string) => void,
  signal: AbortSignal,
): Promise<void> {
  const tasks = milestoneRegradeTasks(store.get(), milestoneTable(store.get()));
  if (tasks.length === 0) return status('Nothing to re-grade: no imported report claims a capstone milestone.');
  const token = document.querySelector<HTMLMetaElement>('meta[name="workbook-token"]')?.content ?? '';
  let done = 0;
  for (const task of tasks) {
    const doing = `Re-grading milestone ${done + 1} of ${tasks.length} (${task.intern}, ${task.milestone})…`;
    let checks = 0;
    status(doing);
    const onEvent = (event: GradeEvent) => {
      if (event.type !== 'check') return;
      checks += 1;
      status(`${doing} ${checks} check(s) done.`);
    };
    const verdict = await regradeMilestone(task, (milestone, archive) => {
      if (!token) throw new Error('milestones are re-graded by `npm start` on this machine; open the dashboard there.');
      return regradeProjectLocally({ baseUrl: location.origin, token }, { milestone, archive }, { signal, onEvent });
    });
    // A cancelled run's verdict (its aborted request, or a report that beat the cancel) is dropped.
    if (signal.aborted) {
      const kept = done ? ` The ${done} re-grade(s) finished before it keep their verdicts.` : '';
      return status(
        `Cancelled — nothing was recorded for ${task.intern}'s ${task.milestone}.${kept} The workbook stops the service and removes the run’s database; you can re-grade again right away.`,
      );
    }
    const cohort = store.get();
    store.set({ ...cohort, verdicts: { ...cohort.verdicts, [task.key]: verdict } });
    done += 1;
  }
  const count = (v: string) => tasks.filter((t) => store.get().verdicts[t.key]?.verdict === v).length;
  status(
    `Milestone re-grade finished: ${count('verified')} verified, ${count('mismatched')} mismatched, ${count('unverified')} not verified.`,
  );
}

// <cohort-dashboard>: imports reports (picker and drag-and-drop), draws the interns × exercises
// table and the competency chart, re-grades, exports CSV. State lives in the cohort store.
import { cohortStore } from '../cohort-store.ts';
import {
  MAX_REPORT_CHARS,
  currentReports,
  importReports,
  notSaved,
  oversized,
  type Cohort,
  type ImportOutcome,
} from '../cohort.ts';
import {
  cohortTable,
  competencyProgress,
  type CatalogEntry,
  type CohortCell,
  type CohortTable,
} from '../cohort-table.ts';
import { cohortCsv } from '../csv.ts';
import { localDay } from '../assignment-progress.ts';
import { regrade, regradeTasks } from '../regrade.ts';
import { competencyChart } from './chart.ts';
import { download, embeddedJson, h } from './dom.ts';
import { gradeWithPageEngine } from './regrade-engine.ts';
import { renderMilestones, wireMilestoneRegrade } from './milestones-view.ts';
import { renderSaveNotice } from '../../components/site/save-notice.ts';
import { ISOLATION_LABELS } from '../../schemas/isolation-label.ts';

const STATUS_LABEL = { passed: 'Passed', attempted: 'Attempted', 'not-started': 'Not started' } as const;

class CohortDashboard extends HTMLElement {
  #catalog = new Map<string, CatalogEntry>();
  #store = cohortStore();
  #table: CohortTable = { columns: [], rows: [] };
  #running: AbortController | undefined;

  connectedCallback(): void {
    this.#catalog = new Map(embeddedJson<CatalogEntry[]>('mentor-catalog').map((e) => [e.id, e]));
    const input = this.querySelector<HTMLInputElement>('[data-files]')!;
    input.addEventListener('change', () => {
      void this.#import([...(input.files ?? [])]).then(() => (input.value = ''));
    });
    const drop = this.querySelector<HTMLElement>('[data-drop]')!;
    drop.addEventListener('dragover', (event) => {
      event.preventDefault();
      drop.classList.add('dragging');
    });
    drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
    drop.addEventListener('drop', (event) => {
      event.preventDefault();
      drop.classList.remove('dragging');
      void this.#import([...(event.dataTransfer?.files ?? [])]);
    });
    this.querySelector('[data-regrade]')!.addEventListener('click', () => void this.#regrade());
    this.querySelector('[data-stop]')!.addEventListener('click', () =>
      this.#running?.abort(new Error('Re-grading stopped.')),
    );
    wireMilestoneRegrade(this.querySelector<HTMLElement>('[data-milestone-regrade]')!, this.#store);
    this.querySelector('[data-csv]')!.addEventListener('click', () =>
      download(`cohort-${localDay()}.csv`, cohortCsv(this.#table), 'text/csv'),
    );
    this.#store.$notice.subscribe((notice) =>
      renderSaveNotice(
        this.querySelector<HTMLElement>('[data-problem]')!,
        notice,
        this.#store,
        'workbook-cohort-unreadable.json',
      ),
    );
    this.querySelector('[data-chart-intern]')!.addEventListener('change', () => this.#renderChart());
    this.#store.$value.subscribe((cohort) => this.#render(cohort));
  }

  async #import(files: File[]): Promise<void> {
    if (files.length === 0) return;
    // A UTF-8 character takes 1–4 bytes: files beyond 4× the limit are refused without being read.
    const huge = files.filter((f) => f.size > MAX_REPORT_CHARS * 4);
    const readable = files.filter((f) => !huge.includes(f));
    // Each file is read on its own: one that cannot be read is refused, the others still import.
    const reads = await Promise.allSettled(readable.map(async (f) => ({ name: f.name, text: await f.text() })));
    const unreadable: ImportOutcome[] = [];
    const texts = reads.flatMap((r, i) => {
      if (r.status === 'fulfilled') return [r.value];
      unreadable.push({
        file: readable[i]!.name,
        kind: 'refused',
        message: `"${readable[i]!.name}" could not be read (${(r.reason as Error).message}).`,
      });
      return [];
    });
    const imported = await importReports(this.#store.get(), texts);
    const saved = imported.outcomes.some((o) => o.kind === 'added') ? this.#store.set(imported.cohort) : true;
    const reason = this.#store.$notice.get()?.message ?? 'the browser refused to store it';
    const read = saved ? imported.outcomes : notSaved(imported.outcomes, reason);
    const outcomes: ImportOutcome[] = [...huge.map((f) => oversized(f.name, f.size)), ...unreadable, ...read];
    const list = this.querySelector('[data-outcomes]')!;
    list.replaceChildren(
      ...outcomes.map((o) =>
        h(
          'li',
          { class: o.kind },
          o.kind === 'refused' ? `Refused: ${o.message}` : o.message,
          o.kind === 'added' && o.flag ? h('strong', { class: 'flag' }, ` Flagged: ${o.flag}`) : null,
        ),
      ),
    );
  }

  async #regrade(): Promise<void> {
    const tasks = regradeTasks(this.#table, this.#catalog);
    if (tasks.length === 0)
      return this.#status('Nothing to re-grade: no imported report carries code for an exercise of this workbook.');
    const controller = new AbortController();
    this.#running = controller;
    this.#busy(true);
    this.#status(`Re-grading 0 of ${tasks.length}…`);
    try {
      await regrade(tasks, gradeWithPageEngine, {
        signal: controller.signal,
        onVerdict: (key, verdict, done) => {
          const cohort = this.#store.get();
          this.#store.set({ ...cohort, verdicts: { ...cohort.verdicts, [key]: verdict } });
          this.#status(`Re-grading ${done} of ${tasks.length}…`);
        },
      });
      const verdicts = this.#store.get().verdicts;
      const count = (v: string) => tasks.filter((t) => verdicts[t.key]?.verdict === v).length;
      this.#status(
        `Re-grade finished: ${count('verified')} verified, ${count('mismatched')} mismatched, ${count('tampered')} tried something the sandbox refused, ${count('unverified')} not verified (no isolated run).`,
      );
    } catch (error) {
      this.#status((error as Error).message);
    } finally {
      this.#running = undefined;
      this.#busy(false);
    }
  }

  #busy(on: boolean): void {
    this.querySelector<HTMLButtonElement>('[data-regrade]')!.disabled = on;
    this.querySelector<HTMLElement>('[data-stop]')!.hidden = !on;
  }

  #status(text: string): void {
    this.querySelector('[data-status]')!.textContent = text;
  }

  #render(cohort: Cohort): void {
    this.#renderHistory(cohort);
    renderMilestones(this.querySelector('[data-milestones]')!, this.#store);
    this.#table = cohortTable(cohort, this.#catalog, localDay());
    const { columns, rows } = this.#table;
    const tableHost = this.querySelector('[data-table]')!;
    if (rows.length === 0) {
      tableHost.replaceChildren(h('p', {}, 'No reports imported yet.'));
      this.querySelector('[data-chart]')!.replaceChildren(h('p', {}, 'No reports imported yet.'));
      return;
    }
    const head = h(
      'tr',
      {},
      h('th', { scope: 'col' }, 'Intern'),
      ...columns.map((c) =>
        h(
          'th',
          { scope: 'col', class: c.entry ? undefined : 'unknown' },
          c.entry ? c.entry.title : `Unknown exercise: ${c.id}`,
          h('small', {}, c.entry ? `week ${c.entry.week} · ${c.id}` : 'not in this workbook'),
        ),
      ),
    );
    const body = rows.map((row) =>
      h(
        'tr',
        {},
        h(
          'th',
          { scope: 'row' },
          row.intern.name,
          row.intern.email ? h('small', {}, row.intern.email) : null,
          row.conflict ? h('small', { class: 'flag', title: row.conflict }, `⚑ ${row.conflict}`) : null,
        ),
        ...columns.map((c) => this.#cell(row.cells.get(c.id), c.entry === undefined)),
      ),
    );
    tableHost.replaceChildren(
      h(
        'table',
        {},
        h('caption', {}, `${rows.length} intern(s) × ${columns.length} exercise(s); newest report per intern and set`),
        h('thead', {}, head),
        h('tbody', {}, ...body),
      ),
    );
    const select = this.querySelector<HTMLSelectElement>('[data-chart-intern]')!;
    const chosen = select.value;
    select.replaceChildren(
      h('option', { value: '' }, 'The whole cohort'),
      ...rows.map((r) => h('option', { value: r.key }, r.intern.name)),
    );
    select.value = rows.some((r) => r.key === chosen) ? chosen : '';
    this.#renderChart();
  }

  /** Every report ever imported, so the mentor sees nothing was dropped, and which ones the table shows. */
  #renderHistory(cohort: Cohort): void {
    const shown = new Set(currentReports(cohort).map((r) => r.fingerprint));
    this.querySelector('[data-history-summary]')!.textContent = `Every imported report (${cohort.reports.length})`;
    this.querySelector('[data-history]')!.replaceChildren(
      cohort.reports.length === 0
        ? h('p', {}, 'None yet.')
        : h(
            'table',
            {},
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ...['File', 'Intern', 'Set', 'Exported', 'Imported', 'In the table'].map((t) =>
                  h('th', { scope: 'col' }, t),
                ),
              ),
            ),
            h(
              'tbody',
              {},
              ...cohort.reports.map((r) =>
                h(
                  'tr',
                  {},
                  h('td', {}, r.fileName),
                  h('td', {}, r.report.intern.name),
                  h('td', {}, r.report.set.title),
                  h('td', {}, r.report.exportedAt.slice(0, 16).replace('T', ' ')),
                  h('td', {}, r.importedAt.slice(0, 16).replace('T', ' ')),
                  h('td', {}, shown.has(r.fingerprint) ? 'yes' : 'no: a newer report replaces it'),
                ),
              ),
            ),
          ),
    );
  }

  #renderChart(): void {
    const chartHost = this.querySelector('[data-chart]')!;
    const key = this.querySelector<HTMLSelectElement>('[data-chart-intern]')!.value;
    const progress = competencyProgress(this.#table, key || undefined);
    chartHost.replaceChildren(
      progress.length
        ? competencyChart(progress)
        : h('p', {}, 'No exercise of this workbook in the imported reports yet.'),
    );
  }

  #cell(cell: CohortCell | undefined, unknown: boolean): HTMLTableCellElement {
    if (!cell) return h('td', { class: 'empty' }, h('span', { class: 'muted' }, 'not assigned'));
    const classes = [`status-${cell.status}`, cell.overdue ? 'overdue' : '', unknown ? 'unknown' : '']
      .filter(Boolean)
      .join(' ');
    const facts = [
      `${cell.attempts} attempt(s)`,
      `${cell.hintsUsed} hint(s)`,
      cell.solutionViewed ? 'solution viewed' : '',
    ]
      .filter(Boolean)
      .join(' · ');
    const verdict = cell.verdict;
    return h(
      'td',
      { class: classes, 'data-exercise': cell.exerciseId },
      STATUS_LABEL[cell.status],
      unknown ? h('small', {}, 'unknown exercise') : null,
      cell.specPassed && cell.status !== 'passed' ? h('small', {}, 'spec passed (stage 1 of 2)') : null,
      h('small', {}, facts),
      cell.passedAt ? h('small', {}, `passed ${cell.passedAt.slice(0, 16).replace('T', ' ')}`) : null,
      cell.due ? h('small', {}, `due ${cell.due}${cell.overdue ? ' — overdue' : ''}`) : null,
      cell.lastRun
        ? h('small', { class: 'isolation' }, `intern's run: ${ISOLATION_LABELS[cell.lastRun.isolation]}`)
        : null,
      ...(cell.lastRun?.attempts ?? []).map((a) => h('small', { class: 'attempt' }, `intern's run refused: ${a}`)),
      verdict
        ? h(
            'small',
            { class: `verdict-${verdict.verdict}`, title: verdict.message },
            `${verdict.verdict}: ${verdict.message}`,
          )
        : null,
      verdict?.isolation
        ? h('small', { class: 'isolation' }, `re-grade: ${ISOLATION_LABELS[verdict.isolation]}`)
        : null,
      ...(verdict?.attempts ?? []).map((a) => h('small', { class: 'attempt' }, `re-grade refused: ${a}`)),
    );
  }
}

customElements.define('cohort-dashboard', CohortDashboard);

// <check-milestone>: runs a capstone milestone's suite against the learner's project through the
// local server, showing each check as it lands (ResultsView, as exercises do) and the isolation the
// service ran in; the report joins progress like an exercise's (id project-<m>). Without a local
// server it shows the terminal command instead. Cancel (or Escape while focus is in the form)
// aborts the request: the server then stops the run and cleans it up, and nothing is recorded.
import { EngineError } from '../../sandbox/engine.ts';
import { checkProjectLocally, probeLocalServer } from '../../sandbox/local-engine.ts';
import { projectMilestoneSchema, projectReportId } from '../../schemas/project.ts';
import { preferencesStore } from '../../stores/preferences.ts';
import { progressStore } from '../../stores/progress.ts';
import { renderIsolation } from '../exercise/isolation-view.ts';
import { ResultsView } from '../exercise/results-view.ts';

class CheckMilestoneElement extends HTMLElement {
  #running: AbortController | undefined;

  connectedCallback(): void {
    void this.#detect();
  }

  disconnectedCallback(): void {
    this.#running?.abort();
  }

  #part<T extends HTMLElement>(selector: string): T {
    const found = this.querySelector<T>(selector);
    if (!found) throw new Error(`<check-milestone> is missing ${selector}`);
    return found;
  }

  async #detect(): Promise<void> {
    const availability = this.#part('[data-availability]');
    const token = document.querySelector<HTMLMetaElement>('meta[name="workbook-token"]')?.content ?? '';
    const answer = token ? await probeLocalServer(location.origin) : false;
    if (answer !== true) {
      const why =
        typeof answer === 'string'
          ? answer
          : 'No local workbook server answers here (a static copy of the workbook, or one opened offline), so this page cannot start your service.';
      const code = document.createElement('code');
      code.textContent = this.dataset['command'] ?? '';
      availability.replaceChildren(`${why} Check the milestone in a terminal, in the workbook's folder: `, code);
      return;
    }
    availability.textContent = '';
    const form = this.#part<HTMLFormElement>('[data-form]');
    const input = this.#part<HTMLInputElement>('input[name="dir"]');
    input.value = preferencesStore().$preferences.get().projectDir ?? '';
    form.hidden = false;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#run(token, input.value.trim());
    });
    this.#part('[data-cancel]').addEventListener('click', () => this.#running?.abort());
    form.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || !this.#running) return;
      event.preventDefault();
      this.#running.abort();
    });
  }

  async #run(token: string, dir: string): Promise<void> {
    if (this.#running) return;
    const milestone = projectMilestoneSchema.parse(this.dataset['milestone']);
    preferencesStore().set({ projectDir: dir });
    const button = this.#part<HTMLButtonElement>('button[type="submit"]');
    const cancel = this.#part<HTMLButtonElement>('[data-cancel]');
    const results = new ResultsView(this.#part('[data-results]'));
    const isolation = this.#part('[data-isolation]');
    const running = new AbortController();
    this.#running = running;
    // The disabled button would drop keyboard focus: it moves to Cancel, and back when the run ends.
    const hadFocus = document.activeElement === button;
    button.disabled = true;
    cancel.hidden = false;
    if (hadFocus) cancel.focus();
    isolation.hidden = true;
    results.start('local grader (npm start): starting your service');
    try {
      const report = await checkProjectLocally(
        { baseUrl: location.origin, token },
        { milestone, dir },
        { signal: running.signal, onEvent: (e) => results.event(e) },
      );
      results.finish(report);
      renderIsolation(isolation, report);
      progressStore().recordReport(projectReportId(milestone), report);
    } catch (error) {
      // The report of a cancelled run never arrives: nothing reaches progress or workbook.project.json.
      const cancelled = error instanceof EngineError && error.code === 'aborted';
      results.fail(
        cancelled
          ? 'Cancelled — nothing was recorded. The workbook stops your service and removes the run’s database; you can check again right away.'
          : (error as Error).message,
        cancelled ? 'cancelled' : 'error',
      );
    } finally {
      this.#running = undefined;
      const cancelHadFocus = document.activeElement === cancel;
      button.disabled = false;
      cancel.hidden = true;
      if (cancelHadFocus) button.focus();
    }
  }
}

customElements.define('check-milestone', CheckMilestoneElement);

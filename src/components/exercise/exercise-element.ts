// <workbook-exercise>: the only script a chapter loads for its exercises before the learner acts.
// It waits until the exercise scrolls near the viewport, is focused or hovered, then loads the
// controller (stores, engines) and, from there, the editor chunk.
export class WorkbookExerciseElement extends HTMLElement {
  #loading: Promise<void> | undefined;
  #observer: IntersectionObserver | undefined;

  connectedCallback(): void {
    const wake = () => void this.activate();
    this.addEventListener('focusin', wake, { once: true });
    this.addEventListener('pointerenter', wake, { once: true });
    // A click on Run before the controller loaded still runs, once it has.
    this.addEventListener('click', (event) => {
      const action = (event.target as Element | null)?.closest<HTMLElement>('[data-action]')?.dataset['action'];
      if (action && !this.dataset['ready']) this.dataset['pendingAction'] = action;
      wake();
    });
    if ('IntersectionObserver' in window) {
      this.#observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((e) => e.isIntersecting)) wake();
        },
        { rootMargin: '200px' },
      );
      this.#observer.observe(this);
    } else {
      wake();
    }
  }

  disconnectedCallback(): void {
    this.#observer?.disconnect();
  }

  /** Loads and mounts the controller once. */
  activate(): Promise<void> {
    this.#observer?.disconnect();
    this.#loading ??= import('./exercise-controller.ts')
      .then(({ mountExercise }) => mountExercise(this))
      .catch((error: unknown) => {
        const notice = this.querySelector<HTMLElement>('[data-notice]');
        if (notice) {
          notice.hidden = false;
          notice.textContent = `The exercise tools failed to load (${(error as Error).message}). Reload the page; if it persists, rebuild with \`npm start\`.`;
        }
      });
    return this.#loading;
  }
}

if (!customElements.get('workbook-exercise')) customElements.define('workbook-exercise', WorkbookExerciseElement);

// The checklist state one page shares between its components. Before any interaction it comes from
// the dependency-free reader (no zod on first load); the full, validating store (stores/checklists.ts)
// is imported on the first change — or at once when the saved data looks damaged, so that it can be
// kept aside and the learner told without waiting for a click.
import { atom, type ReadableAtom } from 'nanostores';
import { CHECKLISTS_KEY, emptyView, readChecklistsView, type ChecklistsView } from '../../stores/checklists-view.ts';
import type { ChecklistNotice, ChecklistStore } from '../../stores/checklists.ts';

const $view = atom<ChecklistsView>(emptyView());
const $notice = atom<ChecklistNotice | null>(null);
let full: Promise<ChecklistStore> | undefined;
let started = false;

export const checklistView: ReadableAtom<ChecklistsView> = $view;
export const checklistNotice: ReadableAtom<ChecklistNotice | null> = $notice;

function readRaw(): string | null {
  try {
    return localStorage.getItem(CHECKLISTS_KEY);
  } catch {
    return null; // Blocked storage: the full store reports it when the learner first ticks.
  }
}

function showSaved(raw: string | null): void {
  const view = readChecklistsView(raw);
  if (view === null) void fullStore();
  else $view.set(view);
}

/** Starts the page's view from saved data (idempotent); call from each component's connectedCallback. */
export function startChecklistView(): void {
  if (started) return;
  started = true;
  showSaved(readRaw());
  window.addEventListener('storage', (event) => {
    // Once the full store is loaded it follows other tabs itself.
    if (full === undefined && (event.key === CHECKLISTS_KEY || event.key === null)) showSaved(readRaw());
  });
}

/** The validating store, loaded once; its state and notices then drive the view. */
export function fullStore(): Promise<ChecklistStore> {
  full ??= import('../../stores/checklists.ts').then(({ checklistStore }) => {
    const store = checklistStore();
    store.$state.subscribe((state) => {
      const view = emptyView();
      for (const [id, entry] of Object.entries(state.checklists)) view.checklists[id] = entry.checked;
      for (const [id, entry] of Object.entries(state.assessments)) view.assessments[id] = entry.scores;
      $view.set(view);
    });
    store.$notice.subscribe((notice) => $notice.set(notice));
    return store;
  });
  return full;
}

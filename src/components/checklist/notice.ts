import type { ChecklistStore } from '../../stores/checklists.ts';
import { renderSaveNotice } from '../site/save-notice.ts';
import { checklistNotice, fullStore } from './page-state.ts';

let loaded: ChecklistStore | null = null;
// A notice exists only once the store has loaded, so its choices always have a store to act on.
const held = {
  heldText: () => loaded?.heldText() ?? null,
  discardUnreadable: () => loaded?.discardUnreadable() ?? false,
};

let owner: HTMLElement | null = null;

/**
 * Shows the notice about saved progress (unreadable or unsaved) in the given element; returns the
 * unsubscribe. Only one element per page shows it, so a screen reader hears the alert once.
 */
export function bindNotice(element: HTMLElement | null): () => void {
  if (element === null || owner?.isConnected) return () => {};
  owner = element;
  const stop = checklistNotice.subscribe((notice) => {
    if (notice?.kind === 'held') void fullStore().then((store) => (loaded = store));
    renderSaveNotice(element, notice, held, 'workbook-checklists-unreadable.json');
  });
  return () => {
    stop();
    if (owner === element) owner = null;
  };
}

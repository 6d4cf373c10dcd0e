import type { ChecklistStore } from '../../stores/checklists.ts';

let owner: HTMLElement | null = null;

/**
 * Shows the store's notice (unreadable or unsaved progress) in the given element; returns the unsubscribe.
 * Only one element per page shows it, so a screen reader hears the alert once, not once per checklist.
 */
export function bindNotice(store: ChecklistStore, element: HTMLElement | null): () => void {
  if (element === null || (owner !== null && owner.isConnected)) return () => {};
  owner = element;
  const stop = store.$notice.subscribe((notice) => {
    element.hidden = notice === null;
    element.textContent = notice?.message ?? '';
  });
  return () => {
    stop();
    if (owner === element) owner = null;
  };
}

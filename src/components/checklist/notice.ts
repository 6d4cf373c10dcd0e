import { checklistNotice } from './page-state.ts';

let owner: HTMLElement | null = null;

/**
 * Shows the notice about saved progress (unreadable or unsaved) in the given element; returns the
 * unsubscribe. Only one element per page shows it, so a screen reader hears the alert once.
 */
export function bindNotice(element: HTMLElement | null): () => void {
  if (element === null || (owner !== null && owner.isConnected)) return () => {};
  owner = element;
  const stop = checklistNotice.subscribe((notice) => {
    element.hidden = notice === null;
    element.textContent = notice?.message ?? '';
  });
  return () => {
    stop();
    if (owner === element) owner = null;
  };
}

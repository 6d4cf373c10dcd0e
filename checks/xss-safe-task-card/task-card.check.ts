import { expect, it } from 'vitest';
import { escapeHtml, renderTaskCard, safeHref } from '../src/presentation/html/task-card.html.js';

/** What a browser shows for encoded text (the named and numeric entities that matter here). */
function decode(html: string): string {
  return html
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
/** The raw text of every quoted attribute, and of the markup outside them. */
const attributes = (html: string) => [...html.matchAll(/(\w[\w-]*)="([^"]*)"/g)].map((m) => ({ name: m[1]!, value: m[2]! }));
const tags = (html: string) => [...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]!.toLowerCase());
const card = (title: string, extra: { description?: string; link?: string } = {}) =>
  renderTaskCard({ title, description: extra.description ?? '', status: 'TODO', link: extra.link });

it('escapeHtml encodes & < > " and \' so no markup survives, and the text reads exactly as written', () => {
  for (const text of ['a < b && c > d', `say "hi" & 'bye'`, '&lt; is already an entity', '<img src=x onerror=alert(1)>']) {
    const out = escapeHtml(text);
    expect(out, `escapeHtml(${JSON.stringify(text)})`).not.toMatch(/[<>"']/);
    expect(decode(out), 'decoding must give the original text back').toBe(text);
  }
});

it('a title or description full of markup renders as text: no injected elements', () => {
  const html = card('<script>alert(1)</script>', { description: '<img src=x onerror=alert(document.cookie)><b>bold?</b>' });
  expect(tags(html).sort(), 'elements in the rendered card').toEqual(['/article', '/h3', '/p', 'article', 'h3', 'p'].map((t) => t.replace('/', '')).sort());
  expect(decode(html)).toContain('<script>alert(1)</script>');
});

it('a title cannot break out of its title="…" attribute', () => {
  const html = card(`x" onmouseover="alert(1)`);
  const names = attributes(html).map((a) => a.name);
  expect(names, 'attributes in the rendered card').not.toContain('onmouseover');
  const title = attributes(html).find((a) => a.name === 'title');
  expect(title && decode(title.value), 'the title attribute holds the whole title').toBe(`x" onmouseover="alert(1)`);
});

it('safeHref allows absolute http, https and mailto URLs', () => {
  expect(safeHref('https://example.com/tasks?id=1&view=full')).toMatch(/^https:\/\/example\.com\/tasks\?id=1&view=full$/);
  expect(safeHref('http://intranet.local/board')).toMatch(/^http:\/\/intranet\.local\/board$/);
  expect(safeHref('mailto:mentor@example.com')).toBe('mailto:mentor@example.com');
});

it('safeHref turns javascript:, data:, vbscript: and garbage into #, whatever the spelling', () => {
  for (const raw of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', '  javascript:alert(1)', 'java\tscript:alert(1)', 'java\nscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'not a url', '/relative/path']) {
    expect(safeHref(raw), `safeHref(${JSON.stringify(raw)})`).toBe('#');
  }
});

it('the card links to a safe URL with & encoded in the attribute, to # for a dangerous one, and has no link without one', () => {
  const good = card('Docs', { link: 'https://example.com/a?b=1&c=2' });
  const href = attributes(good).find((a) => a.name === 'href')?.value;
  expect(href, 'href attribute as written in the HTML').toBe('https://example.com/a?b=1&amp;c=2');
  const bad = card('Docs', { link: 'java\tscript:alert(1)' });
  expect(attributes(bad).find((a) => a.name === 'href')?.value).toBe('#');
  expect(tags(card('Docs')), 'no <a> without a link').not.toContain('a');
});

it('the link carries rel="noopener noreferrer" and the article its data-status', () => {
  const html = renderTaskCard({ title: 'Docs', description: '', status: 'IN_PROGRESS', link: 'https://example.com/' });
  expect(attributes(html).find((a) => a.name === 'rel')?.value, 'rel of the link').toBe('noopener noreferrer');
  expect(attributes(html).find((a) => a.name === 'data-status')?.value, 'data-status of the article').toBe('IN_PROGRESS');
});

it('safeHref allows an http(s) URL whatever the case of its scheme, and refuses a protocol-relative one', () => {
  expect(safeHref('HTTPS://example.com/board'), 'an https URL written in capitals').toMatch(/^https:\/\/example\.com\/board$/i);
  expect(safeHref('Mailto:mentor@example.com').toLowerCase()).toBe('mailto:mentor@example.com');
  expect(safeHref('//evil.example/steal'), 'a protocol-relative URL is not absolute').toBe('#');
});

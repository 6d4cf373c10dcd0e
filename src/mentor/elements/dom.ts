// A tiny element builder for the mentor custom elements. Text always goes in as text nodes, never
// as HTML: report files are untrusted input.
type Child = Node | string | number | false | null | undefined;
type Attrs = Record<string, string | number | boolean | undefined | ((event: Event) => void)>;

/** Creates `<tag>` with attributes (`on*` functions become listeners) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.slice(2).toLowerCase(), value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  el.append(
    ...children
      .filter((c): c is Node | string | number => c !== false && c !== null && c !== undefined)
      .map((c) => (typeof c === 'number' ? String(c) : c)),
  );
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Creates an SVG element with attributes and children. */
export function s(
  tag: string,
  attrs: Record<string, string | number> = {},
  ...children: Array<Node | string>
): SVGElement {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  el.append(...children);
  return el;
}

/** Offers `text` as a file download named `name`. */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads the JSON a page embedded with `<script type="application/json" id=…>`. */
export function embeddedJson<T>(id: string): T {
  const el = document.getElementById(id);
  if (!el?.textContent)
    throw new Error(`The page is missing its embedded data #${id}; rebuild the workbook (npm run build).`);
  return JSON.parse(el.textContent) as T;
}

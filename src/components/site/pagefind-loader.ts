// Loads Pagefind's prebuilt UI from <base>pagefind/ on first use (classic script + stylesheet).
import { withBase } from './base-url.ts';

interface PagefindUIConstructor {
  new (options: {
    element: HTMLElement;
    baseUrl?: string;
    showSubResults?: boolean;
    showImages?: boolean;
    resetStyles?: boolean;
    autofocus?: boolean;
  }): unknown;
}

let loading: Promise<void> | undefined;

function inject<T extends HTMLElement>(element: T, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    element.addEventListener('load', () => resolve(), { once: true });
    element.addEventListener(
      'error',
      () => reject(new Error(`${what} did not load; build the site with "npm run build" to create the index`)),
      { once: true },
    );
    document.head.append(element);
  });
}

/** Mounts Pagefind's UI into `element` once; later calls reuse it. */
export function loadPagefindUI(element: HTMLElement): Promise<void> {
  loading ??= (async () => {
    const css = Object.assign(document.createElement('link'), {
      rel: 'stylesheet',
      href: withBase('/pagefind/pagefind-ui.css'),
    });
    const js = Object.assign(document.createElement('script'), { src: withBase('/pagefind/pagefind-ui.js') });
    await Promise.all([inject(css, 'The search stylesheet'), inject(js, 'The search index')]);
    const PagefindUI = (window as unknown as { PagefindUI?: PagefindUIConstructor }).PagefindUI;
    if (!PagefindUI) throw new Error('the search script loaded but defined no PagefindUI');
    new PagefindUI({
      element,
      baseUrl: withBase('/'),
      showSubResults: true,
      showImages: false,
      resetStyles: false,
      autofocus: true,
    });
  })();
  loading.catch(() => {
    loading = undefined; // allow a retry after a failure
  });
  return loading;
}

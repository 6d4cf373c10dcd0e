// The service worker that makes the site work offline after one visit (built by
// scripts/offline-build.ts into <base>sw.js, with the precache list and the version injected).
// Hand-written rather than Workbox: it does three things — precache one versioned list, answer
// from it, drop old versions — and the list comes from the build, which knows every file.
// - Pages (navigations): network first, so a page served by `npm start` keeps its fresh grading
//   token; the cached copy when the network fails (offline).
// - Everything else on the list (scripts, Monaco and its workers, the browser engine, exercise
//   bundles, search index): cache first; file names of built assets change with their content.
// - Anything not on the list (the grading API, WebContainer files) goes to the network untouched.
// A new version installs in the background and waits; the page offers to reload (message
// 'skip-waiting'), so a learner's open editor is never swapped under them.

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ServiceWorkerScope {
  registration: { scope: string };
  clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

declare const __PRECACHE__: string[];
declare const __VERSION__: string;

const scope = self as unknown as ServiceWorkerScope;
const PREFIX = 'workbook-offline-';
const CACHE = `${PREFIX}${__VERSION__}`;
const base = scope.registration.scope;
const precached = new Set(__PRECACHE__.map((path) => new URL(path, base).href));

scope.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([...precached])));
});

scope.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE).map((key) => caches.delete(key))),
      )
      .then(() => scope.clients.claim()),
  );
});

scope.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') void scope.skipWaiting();
  if (event.data === 'version') event.ports[0]?.postMessage({ version: __VERSION__, files: precached.size });
});

scope.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  if (!precached.has(url.href)) return;
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(() => fromCache(url.href)));
    return;
  }
  event.respondWith(caches.open(CACHE).then(async (cache) => (await cache.match(url.href)) ?? fetch(request)));
});

async function fromCache(href: string): Promise<Response> {
  const cached = await caches.open(CACHE).then((cache) => cache.match(href));
  return cached ?? Response.error();
}

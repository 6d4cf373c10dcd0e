// Offline after one visit: registers the service worker (<base>sw.js, built by
// scripts/offline-build.ts) on static hosting and shows whether this site is available offline,
// or that a new version is ready. Pages served by `npm start` carry a grading token and do not
// register it: the local server is already on the learner's machine, and cached pages would keep
// a stale token.
import { siteBase } from './base-url.ts';

type State = 'preparing' | 'ready' | 'update' | 'failed';

const TEXT: Record<State, string> = {
  preparing: 'Saving the workbook for offline use…',
  ready: 'Available offline',
  update: 'A new version of the workbook is ready.',
  failed: 'Offline use is not available in this browser session.',
};

function show(host: HTMLElement, state: State, waiting?: ServiceWorker): void {
  host.hidden = false;
  host.dataset['state'] = state;
  const label = host.querySelector<HTMLElement>('[data-offline-text]');
  if (label) label.textContent = TEXT[state];
  const reload = host.querySelector<HTMLButtonElement>('[data-offline-reload]');
  if (!reload) return;
  reload.hidden = state !== 'update';
  reload.onclick = () => waiting?.postMessage('skip-waiting');
}

export async function startOffline(host: HTMLElement): Promise<void> {
  const token = document.querySelector<HTMLMetaElement>('meta[name="workbook-token"]')?.content ?? '';
  if (token || !('serviceWorker' in navigator)) return;
  const base = siteBase();
  let registration: ServiceWorkerRegistration;
  try {
    registration = await navigator.serviceWorker.register(new URL('sw.js', base), { scope: new URL(base).pathname });
  } catch {
    show(host, 'failed');
    return;
  }
  const hadController = Boolean(navigator.serviceWorker.controller);
  // Reload once the learner accepted a new version and it took over.
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (hadController) location.reload();
  });
  const track = (worker: ServiceWorker | null) => {
    if (!worker) return;
    worker.addEventListener('statechange', () => update());
  };
  const update = () => {
    if (registration.waiting && navigator.serviceWorker.controller) show(host, 'update', registration.waiting);
    else if (registration.installing) show(host, 'preparing');
    else if (registration.active?.state === 'activated') show(host, 'ready');
    else if (registration.active) show(host, 'preparing');
  };
  track(registration.installing);
  track(registration.waiting);
  track(registration.active);
  registration.addEventListener('updatefound', () => {
    track(registration.installing);
    update();
  });
  update();
}

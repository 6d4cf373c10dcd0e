// Where the browser engine's build output lives under the site's base path (shared by the build
// script, the engine and the service worker so the three never disagree).

/** Packages the browser engine ships, one shared bundle each; anything else keeps an exercise out of the browser. */
export const BROWSER_PACKAGES = ['vitest', 'zod'] as const;

/**
 * Node built-ins learner code may import for which the browser has the exact same function
 * (crypto.randomUUID, crypto.getRandomValues): a partial module, so anything else it is asked for
 * fails to link with a message. They never make an exercise browser-capable by themselves.
 */
export const NODE_SHIMS = ['node:crypto', 'crypto'] as const;

/** Every specifier the worker can link to a bundle. */
export const ENGINE_PACKAGES: readonly string[] = [...BROWSER_PACKAGES, ...NODE_SHIMS];

/** Folder under the site's base path. */
export const SANDBOX_DIR = 'sandbox';

/** File name of a shared package bundle, e.g. "pkg-vitest.js". */
export const packageFile = (name: string) =>
  `pkg-${name.replace(/^(node:)?crypto$/, 'node-crypto').replace(/[^a-z0-9]+/gi, '-')}.js`;

/** URLs of the engine's files for a site whose base URL is `base` (absolute, ending in "/"). */
export function sandboxUrls(base: string, packages: readonly string[]) {
  const dir = new URL(`${SANDBOX_DIR}/`, base);
  return {
    worker: new URL('worker.js', dir).href,
    bundle: (exerciseId: string) => new URL(`exercises/${exerciseId}.json`, dir).href,
    packages: Object.fromEntries(packages.map((name) => [name, new URL(packageFile(name), dir).href])),
  };
}

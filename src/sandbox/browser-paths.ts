// Where the browser engine's build output lives under the site's base path (shared by the build
// script, the engine and the service worker so the three never disagree).

/** Packages the browser engine ships as a bundle of their own each (vitest holds its runner too). */
export const BROWSER_PACKAGES = ['vitest', 'zod'] as const;

/**
 * Node built-ins with a browser stand-in (src/sandbox/node/), specifier → bundle name: Buffer with
 * base64url, node:crypto's hashing, HMAC, timingSafeEqual and random functions, and node:http's
 * servers and requests inside the worker (no sockets). Admitted only
 * because the parity test proves identical verdicts for every exercise that uses them; anything a
 * stand-in lacks fails to link, naming the missing export.
 */
export const NODE_STANDINS: Readonly<Record<string, string>> = {
  'node:buffer': 'node-buffer',
  buffer: 'node-buffer',
  'node:crypto': 'node-crypto',
  crypto: 'node-crypto',
  'node:http': 'node-http',
  http: 'node-http',
};

/**
 * Packages bundled in one build with the stand-ins, so modules they share (Nest's core and common,
 * rxjs, reflect-metadata's registry, Buffer) are one instance in a run; bcryptjs (pure JavaScript)
 * draws its salts from the node:crypto stand-in, jsonwebtoken its HMACs (HS* tokens; keys in PEM
 * form are refused as Node refuses input that is no key). NestJS's optional
 * transports (express, websockets, microservices) are left out.
 */
export const SHARED_PACKAGES = [
  '@nestjs/common',
  '@nestjs/core',
  '@nestjs/testing',
  '@nestjs/cqrs',
  'reflect-metadata',
  'rxjs',
  'rxjs/operators',
  'bcryptjs',
  'jsonwebtoken',
] as const;

/** Every specifier the worker can link to a bundle. */
export const ENGINE_PACKAGES: readonly string[] = [
  ...BROWSER_PACKAGES,
  ...Object.keys(NODE_STANDINS),
  ...SHARED_PACKAGES,
];

/** Folder under the site's base path. */
export const SANDBOX_DIR = 'sandbox';

/** File name of a package bundle: "pkg-vitest.js", "pkg-node-crypto.js" (also for "crypto"), "pkg-nestjs-core.js". */
export const packageFile = (specifier: string) =>
  `pkg-${(NODE_STANDINS[specifier] ?? specifier).replace(/[^a-z0-9]+/gi, '-').replace(/^-/, '')}.js`;

/** URLs of the engine's files for a site whose base URL is `base` (absolute, ending in "/"). */
export function sandboxUrls(base: string, packages: readonly string[]) {
  const dir = new URL(`${SANDBOX_DIR}/`, base);
  return {
    worker: new URL('worker.js', dir).href,
    bundle: (exerciseId: string) => new URL(`exercises/${exerciseId}.json`, dir).href,
    packages: Object.fromEntries(packages.map((name) => [name, new URL(packageFile(name), dir).href])),
  };
}

// Decides whether `npm start` must rebuild: the build is stale when any source is newer than it.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the build reads, relative to the repository root (folders are walked, node_modules skipped). */
export const BUILD_INPUTS = [
  'src',
  'public',
  'exercises',
  'solutions',
  'checks',
  'service/src',
  'astro.config.mjs',
  'package.json',
];

/** Newest modification time (ms) under `path`, or 0 when it does not exist. */
export function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, name)));
  }
  return newest;
}

export type BuildState = { stale: false } | { stale: true; reason: string };

/** Compares `dist/index.html` with the newest build input under `root`. */
export function buildState(root: string, dist: string, inputs: readonly string[] = BUILD_INPUTS): BuildState {
  const marker = join(dist, 'index.html');
  if (!existsSync(marker)) return { stale: true, reason: `${marker} does not exist` };
  const built = statSync(marker).mtimeMs;
  for (const input of inputs) {
    if (newestMtime(join(root, input)) > built) return { stale: true, reason: `${input} changed after the last build` };
  }
  return { stale: false };
}

// The files the service worker precaches (everything a learner needs offline), shared by the build
// step that writes sw.js and the benchmark that reports its size.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Not precached: WebContainer's workspace needs StackBlitz online anyway; source maps; the worker itself. */
const SKIP = [/^webcontainer\//, /\.map$/, /^sw\.js$/];

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

export interface PrecacheEntry {
  /** URL relative to the site's base: pages by their directory URL ("weeks/1/"), the home page as "./". */
  url: string;
  content: Buffer;
}

export function precacheList(dist: string): PrecacheEntry[] {
  const out: PrecacheEntry[] = [];
  for (const file of files(dist)) {
    const path = relative(dist, file).split(sep).join('/');
    if (SKIP.some((re) => re.test(path))) continue;
    const url =
      path === 'index.html' ? './' : path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
    out.push({ url, content: readFileSync(file) });
  }
  return out;
}

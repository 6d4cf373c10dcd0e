// Last step of `npm run build`: <dist>/sw.js, the service worker that makes the site work offline
// after one visit (src/offline/service-worker.ts), with the list of files to precache and a version
// derived from their content (a changed file means a new version, which the page offers to load).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { precacheList } from './precache-list.ts';

const root = resolve(import.meta.dirname, '..');
const dist = resolve(root, process.env['WORKBOOK_DIST'] ?? 'dist');
const entries = precacheList(dist);
const hash = createHash('sha256');
for (const entry of entries) hash.update(entry.url).update(entry.content);
const version = hash.digest('hex').slice(0, 12);
await build({
  entryPoints: [join(root, 'src/offline/service-worker.ts')],
  outfile: join(dist, 'sw.js'),
  bundle: true,
  format: 'iife',
  target: 'es2022',
  minify: true,
  logLevel: 'warning',
  define: { __PRECACHE__: JSON.stringify(entries.map((e) => e.url)), __VERSION__: JSON.stringify(version) },
});
const bytes = entries.reduce((sum, e) => sum + e.content.length, 0);
console.log(
  `offline-build: sw.js precaches ${entries.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB (version ${version})`,
);

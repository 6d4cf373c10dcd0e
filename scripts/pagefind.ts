// Second half of `npm run build`: indexes the built chapters with Pagefind's Node API and writes the
// search bundle to <dist>/pagefind/, served from the same origin as the site.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as pagefind from 'pagefind';

const root = resolve(import.meta.dirname, '..');
const dist = resolve(root, process.env['WORKBOOK_DIST'] ?? 'dist');

if (!existsSync(join(dist, 'index.html'))) {
  console.error(`pagefind: ${dist}/index.html is missing; run "astro build" first (npm run build does both)`);
  process.exit(1);
}

const started = performance.now();
const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
if (!index) throw new Error(`pagefind: could not create an index: ${errors.join('; ')}`);
const added = await index.addDirectory({ path: dist });
if (added.errors.length > 0) throw new Error(`pagefind: indexing ${dist} failed: ${added.errors.join('; ')}`);
const written = await index.writeFiles({ outputPath: join(dist, 'pagefind') });
if (written.errors.length > 0) throw new Error(`pagefind: writing the index failed: ${written.errors.join('; ')}`);
await pagefind.close();
console.log(
  `pagefind: indexed ${added.page_count} pages into ${join(dist, 'pagefind')} in ${Math.round(performance.now() - started)} ms`,
);

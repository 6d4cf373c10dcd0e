// `npm run preview:static`: serves dist/ with a plain static file server (scripts/static-server.ts),
// the conditions a cohort's static host gives the site: no grading API, no COOP/COEP. With
// `BASE=/workbook/` it serves under that sub-path (build with the same BASE). HOST, PORT (4322),
// WORKBOOK_DIST as for npm start.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createStaticServer, listen } from './static-server.ts';

const root = resolve(import.meta.dirname, '..', process.env['WORKBOOK_DIST'] ?? 'dist');
const base = (process.env['BASE'] ?? '/').replace(/\/?$/, '/');
if (!existsSync(join(root, 'index.html'))) {
  console.error(
    `preview:static: ${root}/index.html is missing; run "npm run build" first${base === '/' ? '' : ` (with BASE=${base})`}.`,
  );
  process.exit(1);
}
const origin = await listen(
  createStaticServer(root, base),
  Number(process.env['PORT'] ?? 4322),
  process.env['HOST'] ?? '127.0.0.1',
);
console.log(`preview:static: serving ${root} at ${origin}${base} (static files only: checks run in the browser)`);

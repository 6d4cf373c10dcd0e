// `npm start`: build the workbook when dist/ is missing or older than its sources, then serve it.
// HOST and PORT override 127.0.0.1:4321; --no-build serves dist/ as it is (used by the e2e tests);
// --verbose shows the build's own output instead of one progress line per step.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createWorkbookServer, listen, type Route } from '../server/index.ts';
import { createLocalGrading } from '../server/grade-api.ts';
import { buildState } from '../server/freshness.ts';
import { buildSteps, runBuildSteps } from './build-steps.ts';
import { servicesNotice } from './services-notice.ts';
import { DEFAULT_REDIS_URL, redisProblem } from '../grader/redis.ts';
import { loadExercises } from '../src/catalog/load.ts';

const root = resolve(import.meta.dirname, '..');
const dist = resolve(root, process.env['WORKBOOK_DIST'] ?? 'dist');
const host = process.env['HOST'] ?? '127.0.0.1';
const port = Number(process.env['PORT'] ?? 4321);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`start: PORT must be a whole number from 0 to 65535, got "${process.env['PORT']}"`);
  process.exit(1);
}

if (process.argv.includes('--no-build')) {
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(`start: ${dist} holds no build; run "npm run build" first, or start without --no-build`);
    process.exit(1);
  }
} else {
  const state = buildState(root, dist);
  if (state.stale) {
    console.log(`start: building the workbook (${state.reason}); --verbose shows the build's output`);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { build: string } };
    const built = await runBuildSteps(buildSteps(pkg.scripts.build), {
      root,
      verbose: process.argv.includes('--verbose'),
    });
    if (!built) {
      console.error('start: the build failed; fix the error it names and run npm start again');
      process.exit(1);
    }
  }
}

// Plug-in routes, tried before static files: the local grading API (server/grade-api.ts) with its
// per-process token written into every served page.
const grading = await createLocalGrading({
  root,
  address: () => {
    const address = server.address();
    return { host, port: typeof address === 'object' && address ? address.port : port };
  },
});
const routes: Route[] = [grading.route];
const server = createWorkbookServer({ root: dist, routes, transformHtml: grading.transformHtml });

try {
  const url = await listen(server, port, host);
  console.log(`Backend Workbook is ready at ${url} (Ctrl+C to stop)`);
  const notice = servicesNotice(
    loadExercises(root).map((e) => e.manifest),
    await redisProblem(process.env['REDIS_URL'] ?? DEFAULT_REDIS_URL),
  );
  if (notice) console.log(notice);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  const hint = code === 'EADDRINUSE' ? `; another program uses port ${port}: stop it or set PORT=<free port>` : '';
  console.error(`start: cannot listen on ${host}:${port} (${(error as Error).message})${hint}`);
  process.exit(1);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close(() => void grading.close().finally(() => process.exit(0)));
    server.closeAllConnections();
  });
}

// `npm run bench:site`: builds the workbook into a scratch folder and prints build time, the
// JavaScript a chapter page ships before any interaction (gzip), and the Pagefind index size.
// Figures only: nothing here asserts a threshold.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');
// Inside the repository on purpose: Astro keeps its intermediate files next to an outDir under the
// working directory, but falls back to the shared .astro/ for one outside it (clashing with other builds).
mkdirSync(join(root, '.workbook'), { recursive: true });
const dist = mkdtempSync(join(root, '.workbook', 'bench-dist-'));
const page = process.argv[2] ?? '/weeks/1/';
const GOAL_KB = 30;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

console.log(`bench:site: building into ${dist} …`);
const started = performance.now();
const build = spawnSync('npm', ['run', 'build'], {
  cwd: root,
  env: { ...process.env, WORKBOOK_DIST: dist },
  encoding: 'utf8',
});
const buildMs = performance.now() - started;
if (build.status !== 0) {
  console.error(build.stdout, build.stderr);
  throw new Error('bench:site: the build failed; run "npm run build" to see why');
}
const pages = (build.stdout.match(/(\d+) page\(s\) built/) ?? [])[1] ?? '?';

// JavaScript before interaction: inline module/classic scripts, script[src], modulepreload links,
// and every module those import statically (dynamic import() is on demand, so it is not counted).
function jsBeforeInteraction(pagePath: string): {
  inline: number;
  inlineCount: number;
  files: number;
  fileCount: number;
} {
  const html = readFileSync(join(dist, pagePath, 'index.html'), 'utf8');
  const files = new Set<string>();
  let inline = 0;
  let inlineCount = 0;
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attrs = match[1] ?? '';
    const type = /type="([^"]+)"/.exec(attrs)?.[1];
    if (type && type !== 'module' && type !== 'text/javascript') continue; // JSON, templates
    const src = /src="([^"]+)"/.exec(attrs)?.[1];
    if (src) files.add(join(dist, src));
    else {
      inline += gz(match[2] ?? '');
      inlineCount += 1;
    }
  }
  for (const match of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g))
    files.add(join(dist, match[1] ?? ''));
  const queue = [...files];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g)) {
      const spec = m[1] ?? '';
      const next = spec.startsWith('/') ? join(dist, spec) : resolve(dirname(file), spec);
      if (!files.has(next) && existsSync(next)) {
        files.add(next);
        queue.push(next);
      }
    }
  }
  let fileBytes = 0;
  for (const f of files) fileBytes += gz(readFileSync(f));
  return { inline, inlineCount, files: fileBytes, fileCount: files.size };
}

const chapter = jsBeforeInteraction(page);
const chapterTotal = chapter.inline + chapter.files;
const exerciseDir = join(dist, 'exercises');
const firstExercise = existsSync(exerciseDir)
  ? readdirSync(exerciseDir).find((name) => existsSync(join(exerciseDir, name, 'index.html')))
  : undefined;
const exercise = firstExercise ? jsBeforeInteraction(`/exercises/${firstExercise}/`) : undefined;

function folderSize(path: string): { bytes: number; count: number } {
  let bytes = 0;
  let count = 0;
  for (const name of readdirSync(path)) {
    const full = join(path, name);
    const info = statSync(full);
    if (info.isDirectory()) {
      const inner = folderSize(full);
      bytes += inner.bytes;
      count += inner.count;
    } else {
      bytes += info.size;
      count += 1;
    }
  }
  return { bytes, count };
}
const pagefind = folderSize(join(dist, 'pagefind'));
const index = ['index', 'fragment', 'filter']
  .map((d) => join(dist, 'pagefind', d))
  .filter(existsSync)
  .map(folderSize);
const indexBytes = index.reduce((s, x) => s + x.bytes, 0);
const site = folderSize(dist);

console.log(`
Build (astro build + pagefind):        ${(buildMs / 1000).toFixed(2)} s for ${pages} pages
JS before interaction on ${page}: ${kb(chapterTotal)} gzip (goal ≤ ${GOAL_KB} KB: ${chapterTotal <= GOAL_KB * 1024 ? 'met' : 'NOT met'})
  ${chapter.inlineCount} inline scripts ${kb(chapter.inline)}, ${chapter.fileCount} module files ${kb(chapter.files)}${
    exercise
      ? `\nJS before interaction on /exercises/${firstExercise}/: ${kb(exercise.inline + exercise.files)} gzip (the editor itself loads on demand)`
      : ''
  }
Pagefind index (index + fragments):     ${kb(indexBytes)} in ${index.reduce((s, x) => s + x.count, 0)} files
Pagefind bundle total (UI + wasm):      ${kb(pagefind.bytes)} in ${pagefind.count} files
Whole built site:                       ${kb(site.bytes)} in ${site.count} files`);

rmSync(dist, { recursive: true, force: true });

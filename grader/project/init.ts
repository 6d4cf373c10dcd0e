// `workbook project init <dir>`: writes the capstone skeleton (project/skeleton/) into a new folder
// and installs its pinned dependencies from the npm cache the workbook's own install filled.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { type WorkbookProject, workbookProjectSchema } from '../../src/schemas/project.ts';

export const skeletonDir = (repo: string) => join(repo, 'project', 'skeleton');

/** A package name from a folder name: "My Tasks!" → "my-tasks". */
export function packageName(dir: string): string {
  const name = basename(dir)
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return name || 'my-task-service';
}

export class InitError extends Error {}

/** The skeleton's files (path → text) for a project named `name`: what init writes and the download packs. */
export function skeletonFiles(repo: string, name: string): Map<string, string> {
  const root = skeletonDir(repo);
  const files = new Map<string, string>();
  for (const path of readdirSync(root, { recursive: true, encoding: 'utf8' }).sort()) {
    if (statSync(join(root, path)).isDirectory()) continue;
    // Stored without its dot so packing and copying tools keep it.
    files.set(path === 'gitignore' ? '.gitignore' : path.split(sep).join('/'), readFileSync(join(root, path), 'utf8'));
  }
  const manifest = JSON.parse(files.get('package.json') ?? '{}') as Record<string, unknown>;
  files.set('package.json', `${JSON.stringify({ ...manifest, name }, null, 2)}\n`);
  // The lockfile pins every transitive version, so the install can come from the npm cache alone.
  const lockText = files.get('package-lock.json');
  if (lockText) {
    const lock = JSON.parse(lockText) as { name?: string; packages?: Record<string, { name?: string }> };
    lock.name = name;
    if (lock.packages?.['']) lock.packages[''].name = name;
    files.set('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
  }
  const project: WorkbookProject = { version: 1, name, milestones: {} };
  files.set('workbook.project.json', `${JSON.stringify(workbookProjectSchema.parse(project), null, 2)}\n`);
  return files;
}

/** Copies the skeleton into `dir` (which must be missing or empty) and names the project after it. */
export function writeSkeleton(repo: string, dir: string): void {
  if (existsSync(dir) && readdirSync(dir).length > 0)
    throw new InitError(
      `${dir} already exists and is not empty; choose a new folder, e.g. \`npx workbook project init my-task-service\`.`,
    );
  for (const [path, text] of skeletonFiles(repo, packageName(dir))) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** `npm install` from the cache only (no network); returns undefined or what went wrong. */
export function installOffline(dir: string): string | undefined {
  const run = spawnSync('npm', ['install', '--offline', '--prefer-offline', '--no-audit', '--no-fund'], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (run.status === 0) return undefined;
  const why = `${run.stderr || run.error?.message || ''}`.trim().split('\n').slice(-5).join('\n');
  return why || `npm exited with code ${run.status}`;
}

/** Reads and validates a project's workbook.project.json (undefined when absent). */
export function readProjectFile(dir: string): WorkbookProject | undefined {
  const file = join(dir, 'workbook.project.json');
  if (!existsSync(file)) return undefined;
  const parsed = workbookProjectSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new InitError(
      `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}. Fix it or delete it (\`npx workbook project check\` writes a new one).`,
    );
  return parsed.data;
}

/** Records a passed milestone in the project's workbook.project.json; false when it has none (e.g. the reference service). */
export function recordPassed(dir: string, milestone: keyof WorkbookProject['milestones'], isolation: string): boolean {
  const current = readProjectFile(dir);
  if (!current) return false;
  current.milestones[milestone] = { passedAt: new Date().toISOString(), isolation };
  writeFileSync(
    join(dir, 'workbook.project.json'),
    `${JSON.stringify(workbookProjectSchema.parse(current), null, 2)}\n`,
  );
  return true;
}

// `workbook project init <dir>`: writes the capstone skeleton (project/skeleton/) into a new folder
// and installs its pinned dependencies from the npm cache the workbook's own install filled.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
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

/** Copies the skeleton into `dir` (which must be missing or empty) and names the project after it. */
export function writeSkeleton(repo: string, dir: string): void {
  if (existsSync(dir) && readdirSync(dir).length > 0)
    throw new InitError(
      `${dir} already exists and is not empty; choose a new folder, e.g. \`workbook project init my-task-service\`.`,
    );
  cpSync(skeletonDir(repo), dir, { recursive: true });
  // Stored without its dot so packing and copying tools keep it.
  renameSync(join(dir, 'gitignore'), join(dir, '.gitignore'));
  const name = packageName(dir);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ ...manifest, name }, null, 2)}\n`);
  // The lockfile pins every transitive version, so the install can come from the npm cache alone.
  const lockFile = join(dir, 'package-lock.json');
  if (existsSync(lockFile)) {
    const lock = JSON.parse(readFileSync(lockFile, 'utf8')) as {
      name?: string;
      packages?: Record<string, { name?: string }>;
    };
    lock.name = name;
    if (lock.packages?.['']) lock.packages[''].name = name;
    writeFileSync(lockFile, `${JSON.stringify(lock, null, 2)}\n`);
  }
  const project: WorkbookProject = { version: 1, name, milestones: {} };
  writeFileSync(
    join(dir, 'workbook.project.json'),
    `${JSON.stringify(workbookProjectSchema.parse(project), null, 2)}\n`,
  );
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
      `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}. Fix it or delete it (\`workbook project check\` writes a new one).`,
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

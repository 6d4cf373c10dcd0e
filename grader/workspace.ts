// A working copy of service/ that grading runs in. Copied once, then kept in step with service/
// by size+mtime; per run only the files that differ from the previous run are written or
// restored, and every such path is reported so the warm Vitest drops its cached transform.
//
// Threat: the previous run's code wrote into its workspace (rewrote __checks__/x.check.ts, turned
// src/ into a symlink to somewhere else, planted node_modules/vitest or an extra module). Before
// every run each managed file is verified against what the grader wrote (content for overlays and
// checks, size+mtime of the copy for service files) and rewritten when it differs; symlinks and
// anything that is not a regular file are removed, never followed; module files the grader did
// not put there are deleted.
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Folders of service/ never copied: dependencies, build output, caches. */
const SKIP = new Set(['node_modules', 'dist', 'coverage', '.vite-cache', '.vitest-cache', '.turbo']);
/** Where the hidden checks go inside the workspace (checks import learner code as ../src/…). */
export const CHECKS_DIR = '__checks__';
/** Files a resolver could pick up: one the grader did not write is removed before a run. */
const MODULE_FILE = /\.(?:[cm]?[jt]sx?|json|node)$/;

export class Workspace {
  readonly dir: string;
  private readonly serviceDir: string;
  /** Service files copied in, by relative path → "size:mtime" of the source when copied. */
  private readonly copied = new Map<string, string>();
  /** The copies as written (relative path → "size:mtime" of the workspace file), to notice edits. */
  private readonly written = new Map<string, string>();
  /** Files this workspace currently holds that differ from service/ (overlays and checks) → content. */
  private overlay = new Map<string, string>();

  constructor(serviceDir: string, dir: string) {
    this.serviceDir = serviceDir;
    this.dir = dir;
  }

  /**
   * Makes the workspace hold service/ plus exactly `files` (relative path → content), verifying
   * every file it manages. Returns the absolute paths whose content changed since the previous call.
   */
  apply(files: Map<string, string>): string[] {
    const changed = new Set<string>();
    this.syncService(changed, files);
    for (const [path, content] of this.overlay) {
      if (files.has(path)) continue;
      const abs = join(this.dir, path);
      if (this.copied.has(path)) {
        const original = readFileSync(join(this.serviceDir, path), 'utf8');
        if (original === content && this.holds(path, original)) continue; // the overlay was the service's own text
        this.copyService(path);
      } else if (lstatOrUndefined(abs)) rmSync(abs, { recursive: true, force: true });
      changed.add(abs);
    }
    // Only real changes are written and reported: an unchanged file keeps its warm transform.
    for (const [path, content] of files) {
      if (this.holds(path, content)) continue;
      this.write(path, content);
      changed.add(join(this.dir, path));
    }
    this.overlay = new Map(files);
    for (const stray of this.removeStrays()) changed.add(stray);
    return [...changed];
  }

  /** Copies new or changed service files in, restores edited copies and removes deleted ones. */
  private syncService(changed: Set<string>, overlaid: Map<string, string>): void {
    if (!existsSync(this.dir)) mkdirSync(this.dir, { recursive: true });
    this.linkNodeModules();
    const seen = new Set<string>();
    for (const path of walk(this.serviceDir)) {
      seen.add(path);
      const stat = statSync(join(this.serviceDir, path));
      const stamp = `${stat.size}:${stat.mtimeMs}`;
      if (overlaid.has(path) || this.overlay.has(path)) {
        this.copied.set(path, stamp); // restored or overwritten (and verified) in apply()
        continue;
      }
      if (this.copied.get(path) === stamp && this.written.get(path) === stampOf(lstatOrUndefined(join(this.dir, path))))
        continue;
      this.copied.set(path, stamp);
      this.copyService(path);
      changed.add(join(this.dir, path));
    }
    for (const path of [...this.copied.keys()]) {
      if (seen.has(path)) continue;
      this.copied.delete(path);
      this.written.delete(path);
      if (!overlaid.has(path)) {
        rmSync(join(this.dir, path), { recursive: true, force: true });
        changed.add(join(this.dir, path));
      }
    }
  }

  private copyService(path: string): void {
    const target = this.prepare(path);
    copyFileSync(join(this.serviceDir, path), target);
    this.written.set(path, stampOf(lstatSync(target)));
  }

  /** Writes a file the grader owns, never through a symlink (existing entries are removed first). */
  private write(path: string, content: string): void {
    writeFileSync(this.prepare(path), content, { flag: 'wx' });
  }

  /** Makes every folder on the way a real folder and removes whatever holds the path now. */
  private prepare(path: string): string {
    const parts = path.split('/');
    let dir = this.dir;
    for (const part of parts.slice(0, -1)) {
      dir = join(dir, part);
      const stat = lstatOrUndefined(dir);
      if (stat && !stat.isDirectory()) rmSync(dir, { force: true }); // a symlink or file where a folder belongs
      if (!stat?.isDirectory()) mkdirSync(dir);
    }
    const target = join(this.dir, path);
    if (lstatOrUndefined(target)) rmSync(target, { recursive: true, force: true });
    return target;
  }

  /** True when the workspace holds exactly `content` at `path`, as a regular file. */
  private holds(path: string, content: string): boolean {
    const abs = join(this.dir, path);
    if (!realPathInside(this.dir, path)) return false;
    const stat = lstatOrUndefined(abs);
    return !!stat && stat.isFile() && stat.size === Buffer.byteLength(content) && readFileSync(abs, 'utf8') === content;
  }

  /** Removes symlinks and module files the grader did not write (outside caches); returns their paths. */
  private removeStrays(): string[] {
    const removed: string[] = [];
    const known = (rel: string) => this.copied.has(rel) || this.overlay.has(rel);
    const visit = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const abs = join(dir, entry.name);
        const rel = relative(this.dir, abs).split(sep).join('/');
        if (dir === this.dir && (entry.name.startsWith('.') || (entry.name === 'node_modules' && this.isOwnLink(abs))))
          continue;
        if (entry.isDirectory() && entry.name !== 'node_modules') visit(abs);
        else if (
          entry.isDirectory() ||
          entry.isSymbolicLink() ||
          !entry.isFile() ||
          (MODULE_FILE.test(entry.name) && !known(rel))
        ) {
          rmSync(abs, { recursive: true, force: true });
          removed.push(abs);
        }
      }
    };
    visit(this.dir);
    return removed;
  }

  private isOwnLink(abs: string): boolean {
    return existsSync(join(this.serviceDir, 'node_modules')) && !!lstatOrUndefined(abs)?.isSymbolicLink();
  }

  /** service/node_modules (if any) must resolve from the workspace too; the root one is found by walking up. */
  private linkNodeModules(): void {
    const source = join(this.serviceDir, 'node_modules');
    const link = join(this.dir, 'node_modules');
    if (!existsSync(source)) return;
    const stat = lstatOrUndefined(link);
    if (stat?.isSymbolicLink()) return;
    if (stat) rmSync(link, { recursive: true, force: true });
    symlinkSync(source, link, 'dir');
  }

  /** Reads a file as the workspace currently holds it (for tests and diagnostics). */
  read(path: string): string {
    return readFileSync(join(this.dir, path), 'utf8');
  }
}

/** No segment of `path` below `dir` is a symlink (so reading it cannot leave the workspace). */
function realPathInside(dir: string, path: string): boolean {
  let at = dir;
  for (const part of path.split('/')) {
    at = join(at, part);
    if (lstatOrUndefined(at)?.isSymbolicLink()) return false;
  }
  return true;
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

const stampOf = (stat: Stats | undefined) => (stat?.isFile() ? `${stat.size}:${stat.mtimeMs}` : 'missing');

function* walk(root: string, dir = root): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const abs = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(root, abs);
    else if (entry.isFile()) yield relative(root, abs).split(sep).join('/');
  }
}

// A working copy of service/ that grading runs in. Copied once, then kept in step with service/
// by size+mtime; per run only the files that differ from the previous run are written or
// restored, and every such path is reported so the warm Vitest drops its cached transform.
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/** Folders of service/ never copied: dependencies, build output, caches. */
const SKIP = new Set(['node_modules', 'dist', 'coverage', '.vite-cache', '.vitest-cache', '.turbo']);
/** Where the hidden checks go inside the workspace (checks import learner code as ../src/…). */
export const CHECKS_DIR = '__checks__';

export class Workspace {
  readonly dir: string;
  private readonly serviceDir: string;
  /** Service files copied in, by relative path → "size:mtime" of the source when copied. */
  private readonly copied = new Map<string, string>();
  /** Files this workspace currently holds that differ from service/ (overlays and checks) → content. */
  private overlay = new Map<string, string>();

  constructor(serviceDir: string, dir: string) {
    this.serviceDir = serviceDir;
    this.dir = dir;
  }

  /**
   * Makes the workspace hold service/ plus exactly `files` (relative path → content).
   * Returns the absolute paths whose content changed since the previous call.
   */
  apply(files: Map<string, string>): string[] {
    const changed = new Set<string>();
    this.syncService(changed, files);
    for (const [path, content] of this.overlay) {
      if (files.has(path)) continue;
      const abs = join(this.dir, path);
      if (this.copied.has(path)) {
        const original = readFileSync(join(this.serviceDir, path), 'utf8');
        if (original === content) continue; // the overlay was the service's own text
        writeFileSync(abs, original);
      } else if (existsSync(abs)) unlinkSync(abs);
      changed.add(abs);
    }
    // Only real changes are written and reported: an unchanged file keeps its warm transform.
    for (const [path, content] of files) {
      if (this.overlay.get(path) === content) continue;
      const abs = join(this.dir, path);
      if (existsSync(abs) && readFileSync(abs, 'utf8') === content) continue;
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, content);
      changed.add(abs);
    }
    this.overlay = new Map(files);
    return [...changed];
  }

  /** Copies new or changed service files in and removes deleted ones (the service evolves while it is taught). */
  private syncService(changed: Set<string>, overlaid: Map<string, string>): void {
    if (!existsSync(this.dir)) mkdirSync(this.dir, { recursive: true });
    this.linkNodeModules();
    const seen = new Set<string>();
    for (const path of walk(this.serviceDir)) {
      seen.add(path);
      const source = join(this.serviceDir, path);
      const stat = statSync(source);
      const stamp = `${stat.size}:${stat.mtimeMs}`;
      if (this.copied.get(path) === stamp) continue;
      this.copied.set(path, stamp);
      if (overlaid.has(path) || this.overlay.has(path)) continue; // restored or overwritten below
      const target = join(this.dir, path);
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(source, target);
      changed.add(target);
    }
    for (const path of [...this.copied.keys()]) {
      if (seen.has(path)) continue;
      this.copied.delete(path);
      if (!overlaid.has(path)) {
        rmSync(join(this.dir, path), { force: true });
        changed.add(join(this.dir, path));
      }
    }
  }

  /** service/node_modules (if any) must resolve from the workspace too; the root one is found by walking up. */
  private linkNodeModules(): void {
    const source = join(this.serviceDir, 'node_modules');
    const link = join(this.dir, 'node_modules');
    if (!existsSync(source) || lstatExists(link)) return;
    symlinkSync(source, link, 'dir');
  }

  /** Reads a file as the workspace currently holds it (for tests and diagnostics). */
  read(path: string): string {
    return readFileSync(join(this.dir, path), 'utf8');
  }
}

function lstatExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function* walk(root: string, dir = root): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const abs = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(root, abs);
    else if (entry.isFile()) yield relative(root, abs).split(sep).join('/');
  }
}

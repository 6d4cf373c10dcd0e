// `workbook project pack`: packs an intern's capstone folder into the .tar.gz a report carries, with
// the rules a mentor's re-grade applies (src/schemas/project-archive.ts), so an archive that would
// be refused later is refused now, naming the file and what to do. What the re-grade never needs is
// left out: node_modules (the workbook supplies it; the re-grade refuses it), .git (history), and
// dist and coverage at the top (build and test output, made again by every run), plus the output
// file itself when it is written inside the folder.
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, type Stats } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { MAX_PROJECT_ARCHIVE_BYTES } from '../../src/schemas/project.ts';
import {
  ArchiveError,
  checkArchivePath,
  MAX_ENTRIES,
  MAX_UNPACKED_BYTES,
  projectFiles,
} from '../../src/schemas/project-archive.ts';
import { packTarGz, unpackTarGz } from './archive.ts';

/** Left out wherever they are. */
const LEFT_OUT_ANYWHERE = new Set(['node_modules', '.git']);
/** Left out at the top of the project. */
const LEFT_OUT_AT_TOP = new Set(['dist', 'coverage']);
/** The longest path we pack: ustar holds a 155-byte prefix and a 100-byte name, split at a "/". */
const MAX_PATH_BYTES = 255;

/** A project that cannot be packed as it is; the message names the file and what to do. */
export class PackError extends Error {}

export interface PackedProject {
  archive: Buffer;
  files: number;
  /** Unpacked bytes. */
  bytes: number;
  /** What was left out, as paths relative to the project ("node_modules", "src/.git"). */
  leftOut: string[];
}

const kind = (stat: Stats) =>
  stat.isSymbolicLink()
    ? 'a symbolic link'
    : stat.isFIFO()
      ? 'a FIFO'
      : stat.isSocket()
        ? 'a socket'
        : stat.isCharacterDevice()
          ? 'a character device'
          : stat.isBlockDevice()
            ? 'a block device'
            : 'not a regular file';

/** Packs `dir` (which must hold package.json and workbook.project.json); `skip` is a file not to pack (the output). */
export function packProject(dir: string, skip?: string): PackedProject {
  if (!existsSync(dir) || !lstatSync(dir).isDirectory())
    throw new PackError(`${dir} is not a folder; pass your project folder with --dir.`);
  const missing = ['package.json', 'workbook.project.json'].filter((name) => !existsSync(join(dir, name)));
  if (missing.length > 0)
    throw new PackError(
      `${dir} has no ${missing.join(' and no ')}: a capstone project folder (made by \`npx workbook project init\`) holds both. Pass that folder with --dir.`,
    );
  const skipReal = skip && existsSync(skip) ? realpathSync(skip) : undefined;
  const sizes = new Map<string, number>();
  const leftOut: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const full = join(folder, name);
      const path = relative(dir, full).split('\\').join('/');
      if (LEFT_OUT_ANYWHERE.has(name) || (folder === dir && LEFT_OUT_AT_TOP.has(name))) {
        leftOut.push(path);
        continue;
      }
      const stat = lstatSync(full);
      if (stat.isDirectory()) {
        walk(full);
        continue;
      }
      if (!stat.isFile())
        throw new PackError(
          `"${path}" is ${kind(stat)}; a re-grade takes only files and folders. ${stat.isSymbolicLink() ? 'Replace it with a copy of what it points to, or delete it' : 'Delete it or move it out of the project'}, then pack again.`,
        );
      if (skipReal && realpathSync(full) === skipReal) continue;
      try {
        checkArchivePath(path);
      } catch (error) {
        if (error instanceof ArchiveError) throw new PackError(`${error.message}; rename it, then pack again.`);
        throw error;
      }
      if (Buffer.byteLength(path) > MAX_PATH_BYTES)
        throw new PackError(
          `"${path}": the path is ${Buffer.byteLength(path)} bytes, more than a tar archive holds (${MAX_PATH_BYTES}); shorten it, then pack again.`,
        );
      sizes.set(path, stat.size);
    }
  };
  walk(dir);
  if (sizes.size > MAX_ENTRIES)
    throw new PackError(
      `${sizes.size} files, more than the re-grade's limit of ${MAX_ENTRIES}; what else is generated and could be left out? (node_modules, .git, dist and coverage already are)`,
    );
  const bytes = [...sizes.values()].reduce((a, b) => a + b, 0);
  if (bytes > MAX_UNPACKED_BYTES)
    throw new PackError(
      `the files add up to ${bytes} bytes, more than the re-grade's limit of ${MAX_UNPACKED_BYTES} (16 MB)${biggest(sizes)}`,
    );
  const files = new Map([...sizes.keys()].map((path) => [path, readFileSync(join(dir, path))]));
  let archive: Buffer;
  try {
    archive = packTarGz(files);
  } catch (error) {
    if (error instanceof ArchiveError) throw new PackError(`${error.message}; shorten it, then pack again.`);
    throw error;
  }
  if (archive.length > MAX_PROJECT_ARCHIVE_BYTES)
    throw new PackError(
      `the archive would be ${formatSize(archive.length)}; a report carries at most 2 MB${biggest(sizes)}`,
    );
  // The archive must be one the re-grade takes: read it back with the re-grade's own reader.
  let back: Map<string, Buffer>;
  try {
    back = projectFiles(unpackTarGz(archive));
  } catch (error) {
    if (error instanceof ArchiveError)
      throw new PackError(`a re-grade would refuse the packed archive: ${error.message}`);
    throw error;
  }
  if (back.size !== files.size) throw new Error(`pack: ${files.size} files packed, ${back.size} read back`);
  return { archive, files: files.size, bytes, leftOut };
}

/** "48.6 KB", "2.9 MB". */
export const formatSize = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;

/** The biggest files, so the intern sees what to leave out. */
function biggest(sizes: ReadonlyMap<string, number>): string {
  const top = [...sizes]
    .sort(([, a], [, b]) => b - a)
    .slice(0, 5)
    .map(([path, size]) => `\n  ${formatSize(size).padStart(10)}  ${path}`);
  return `. The biggest files:${top.join('')}\nMove what the service does not need (data, media, logs, archives) out of the folder, then pack again.`;
}

/** The default output: `<folder name>.tar.gz` in the current folder. */
export const defaultArchiveName = (dir: string) => `${basename(dir) || 'project'}.tar.gz`;

// What a project archive is (a .tar.gz of an intern's capstone, carried by a report), as one rule set
// for every side that reads one: the mentor's re-grade (grader/project/archive.ts, after Node's
// gunzip), the page's export form (DecompressionStream, below) and `workbook project pack`, which
// checks its own output. Platform-neutral on purpose: Uint8Array only, no Buffer, no node:*.
//
// Threat: the archive is someone else's bytes. A path that climbs out (`..`, absolute), a link, a
// device or FIFO could write or read outside the folder it is unpacked into; too many entries or a
// gzip bomb could exhaust the machine. Each is refused with the entry and why, before anything is
// written.
import { MAX_PROJECT_ARCHIVE_BYTES } from './project.ts';

/** The most its files may weigh unpacked (a gzip bomb stops here). */
export const MAX_UNPACKED_BYTES = 16 * 1024 * 1024;
/** The most entries (files and folders) it may hold. */
export const MAX_ENTRIES = 2_000;

const BLOCK = 512;
/** The most tar bytes a valid archive can decompress to: its files plus a header per entry, padding and the end. */
export const MAX_TAR_BYTES = MAX_UNPACKED_BYTES + BLOCK * (MAX_ENTRIES * 2 + 2);

/** What to run to make an archive the re-grade takes. */
export const PACK_COMMAND = 'npx workbook project pack --dir <your project folder>';

/** An archive the workbook will not unpack; the message says which entry and why. */
export class ArchiveError extends Error {}

export const tooManyBytesMessage = () =>
  `the archive unpacks to more than ${MAX_UNPACKED_BYTES} bytes (16 MB); that is not a task service`;

/** Refuses a compressed archive over what a report may carry. */
export function checkArchiveSize(bytes: number): void {
  if (bytes > MAX_PROJECT_ARCHIVE_BYTES)
    throw new ArchiveError(
      `the archive is ${bytes} bytes; the limit is ${MAX_PROJECT_ARCHIVE_BYTES} bytes (2 MB). Leave out node_modules, dist and coverage.`,
    );
}

/** Refuses a path that may not be unpacked: empty, absolute, climbing out, or inside node_modules. */
export function checkArchivePath(path: string): void {
  if (path === '' || path.includes('\0')) throw new ArchiveError(`an entry has an empty or NUL-containing name`);
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.includes('\\'))
    throw new ArchiveError(
      `"${path}": absolute paths and backslashes are refused (entries are relative to the project)`,
    );
  if (path.split('/').some((part) => part === '..'))
    throw new ArchiveError(`"${path}": ".." would climb out of the project folder`);
  if (path.split('/')[0] === 'node_modules' || path.includes('/node_modules/'))
    throw new ArchiveError(`"${path}": node_modules is never part of a project archive (the workbook supplies it)`);
}

const TYPES: Record<string, string> = {
  '1': 'a hard link',
  '2': 'a symbolic link',
  '3': 'a character device',
  '4': 'a block device',
  '6': 'a FIFO',
  '7': 'a contiguous file',
  x: 'a pax extended header',
  g: 'a pax global header',
  L: 'a GNU long name',
  K: 'a GNU long link name',
};

const utf8 = new TextDecoder();
/** A NUL-terminated text field of a header. */
const text = (h: Uint8Array, at: number, len: number) => {
  const field = h.subarray(at, at + len);
  const end = field.indexOf(0);
  return utf8.decode(end < 0 ? field : field.subarray(0, end));
};
const octal = (h: Uint8Array, at: number, len: number) => {
  const digits = String.fromCharCode(...h.subarray(at, at + len))
    .replace(/\0.*$/s, '')
    .trim();
  return digits === '' ? 0 : Number.parseInt(digits, 8);
};

/** Reads and validates an uncompressed ustar archive: regular files (path → bytes); anything else fails with ArchiveError. */
export function readTar(tar: Uint8Array): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  let entries = 0;
  let bytes = 0;
  for (let at = 0; at + BLOCK <= tar.length; ) {
    const h = tar.subarray(at, at + BLOCK);
    if (h.every((b) => b === 0)) break;
    const stored = octal(h, 148, 8);
    const sum = h.reduce((a, b, i) => a + (i >= 148 && i < 156 ? 32 : b), 0);
    if (stored !== sum) throw new ArchiveError(`entry at byte ${at}: the header checksum is wrong (a damaged archive)`);
    const name = text(h, 0, 100);
    const prefix = text(h, 345, 155);
    const path = (prefix ? `${prefix}/${name}` : name).replace(/^\.\//, '');
    const type = String.fromCharCode(h[156] ?? 0);
    const size = octal(h, 124, 12);
    const described = TYPES[type];
    if (described) throw new ArchiveError(`"${path}" is ${described}; a project archive holds only files and folders`);
    if (type !== '0' && type !== '\0' && type !== '5')
      throw new ArchiveError(`"${path}": unknown entry type "${type}"; a project archive holds only files and folders`);
    if (++entries > MAX_ENTRIES)
      throw new ArchiveError(`more than ${MAX_ENTRIES} entries; leave out node_modules, dist and coverage`);
    const isDir = type === '5';
    const clean = isDir ? path.replace(/\/+$/, '') : path;
    if (clean !== '' && clean !== '.') checkArchivePath(clean);
    bytes += size;
    if (bytes > MAX_UNPACKED_BYTES)
      throw new ArchiveError(
        `the files add up to more than ${MAX_UNPACKED_BYTES} bytes (16 MB); that is not a task service`,
      );
    const start = at + BLOCK;
    if (start + size > tar.length) throw new ArchiveError(`"${path}": the archive ends inside this file (truncated)`);
    if (!isDir) {
      if (files.has(clean)) throw new ArchiveError(`"${path}" appears twice`);
      files.set(clean, tar.slice(start, start + size));
    }
    at = start + Math.ceil(size / BLOCK) * BLOCK;
  }
  return files;
}

/** Drops one folder that holds every entry ("my-task-service/…"), as `tar -czf x.tar.gz my-task-service` makes. */
export function stripTopFolder<T>(files: Map<string, T>): Map<string, T> {
  const tops = new Set([...files.keys()].map((path) => (path.includes('/') ? path.split('/')[0] : '')));
  const [top] = tops;
  if (tops.size !== 1 || !top || files.has('package.json')) return files;
  return new Map([...files].map(([path, content]) => [path.slice(top.length + 1), content]));
}

/** The project's files, rooted at the folder that holds package.json; refused when there is none. */
export function projectFiles<T>(files: Map<string, T>): Map<string, T> {
  const project = stripTopFolder(files);
  if (!project.has('package.json'))
    throw new ArchiveError('it has no package.json at its top (pack the project folder itself)');
  return project;
}

/** Gunzips in the page (or any runtime with DecompressionStream), stopping at MAX_TAR_BYTES: a bomb never fills memory. */
export async function gunzipCapped(archive: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const reader = new Blob([archive]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > MAX_TAR_BYTES) {
        await reader.cancel();
        throw new ArchiveError(tooManyBytesMessage());
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError(`not a gzip-compressed tar archive (${(error as Error).message})`);
  }
  const tar = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    tar.set(chunk, at);
    at += chunk.length;
  }
  return tar;
}

/** Reads and validates a .tar.gz without Node (the page's twin of grader/project/archive.ts unpackTarGz). */
export async function readTarGz(archive: Uint8Array<ArrayBuffer>): Promise<Map<string, Uint8Array>> {
  checkArchiveSize(archive.length);
  return readTar(await gunzipCapped(archive));
}

/** Reads a .tar.gz exactly as a re-grade would, without Node: the project's files, or ArchiveError. */
export async function readProjectArchive(archive: Uint8Array<ArrayBuffer>): Promise<Map<string, Uint8Array>> {
  return projectFiles(await readTarGz(archive));
}

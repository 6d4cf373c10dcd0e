// Project archives as .tar.gz (ustar), in both directions: the skeleton download is packed at build
// time, and a report may carry an intern's project for a mentor's re-grade. Unpacking treats the
// archive as hostile: a path that climbs out (`..`, absolute), a link, a device or FIFO, too many
// files or too many bytes (a gzip bomb) is refused with what was wrong, before anything is written.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { MAX_PROJECT_ARCHIVE_BYTES } from '../../src/schemas/project.ts';

/** The most a project archive may weigh, compressed: what a report can carry. */
export const MAX_ARCHIVE_BYTES = MAX_PROJECT_ARCHIVE_BYTES;
/** The most its files may weigh unpacked (a gzip bomb stops here). */
export const MAX_UNPACKED_BYTES = 16 * 1024 * 1024;
/** The most entries (files and folders) it may hold. */
export const MAX_ENTRIES = 2_000;

const BLOCK = 512;
/** Every entry gets the same time, so one skeleton always packs to the same bytes. */
const MTIME = Date.UTC(2026, 0, 1) / 1000;

/** An archive the workbook will not unpack; the message says which entry and why. */
export class ArchiveError extends Error {}

/** Packs files (path → content, paths with "/") into a gzipped ustar archive. */
export function packTarGz(files: ReadonlyMap<string, string | Uint8Array>): Buffer {
  const blocks: Buffer[] = [];
  for (const [path, content] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    const body = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content);
    blocks.push(header(path, body.length), body, Buffer.alloc((BLOCK - (body.length % BLOCK)) % BLOCK));
  }
  blocks.push(Buffer.alloc(BLOCK * 2));
  return gzipSync(Buffer.concat(blocks), { level: 9 });
}

function header(path: string, size: number): Buffer {
  checkPath(path);
  const h = Buffer.alloc(BLOCK);
  let name = path;
  let prefix = '';
  if (Buffer.byteLength(name) > 100) {
    const cut = path.lastIndexOf('/', 155);
    prefix = path.slice(0, cut);
    name = path.slice(cut + 1);
    if (cut < 0 || Buffer.byteLength(name) > 100 || Buffer.byteLength(prefix) > 155)
      throw new ArchiveError(`"${path}": too long a path for a tar archive`);
  }
  h.write(name, 0, 100);
  h.write('0000644\0', 100);
  h.write('0000000\0', 108);
  h.write('0000000\0', 116);
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  h.write(`${MTIME.toString(8).padStart(11, '0')}\0`, 136);
  h.write('        ', 148);
  h.write('0', 156);
  h.write('ustar\0' + '00', 257);
  h.write(prefix, 345, 155);
  const sum = h.reduce((a, b) => a + b, 0);
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return h;
}

/** Why a path may not be unpacked, or nothing. */
function checkPath(path: string): void {
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

const octal = (b: Buffer, at: number, len: number) => {
  const text = b
    .toString('latin1', at, at + len)
    .replace(/\0.*$/s, '')
    .trim();
  return text === '' ? 0 : Number.parseInt(text, 8);
};

/** Reads and validates a .tar.gz: regular files (path → bytes); anything else fails with ArchiveError. */
export function unpackTarGz(archive: Uint8Array): Map<string, Buffer> {
  if (archive.length > MAX_ARCHIVE_BYTES)
    throw new ArchiveError(
      `the archive is ${archive.length} bytes; the limit is ${MAX_ARCHIVE_BYTES} bytes (2 MB). Leave out node_modules, dist and coverage.`,
    );
  let tar: Buffer;
  try {
    tar = gunzipSync(archive, { maxOutputLength: MAX_UNPACKED_BYTES + BLOCK * (MAX_ENTRIES * 2 + 2) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ArchiveError(
      code === 'ERR_BUFFER_TOO_LARGE'
        ? `the archive unpacks to more than ${MAX_UNPACKED_BYTES} bytes (16 MB); that is not a task service`
        : `not a gzip-compressed tar archive (${(error as Error).message})`,
    );
  }
  const files = new Map<string, Buffer>();
  let entries = 0;
  let bytes = 0;
  for (let at = 0; at + BLOCK <= tar.length; ) {
    const h = tar.subarray(at, at + BLOCK);
    if (h.every((b) => b === 0)) break;
    const stored = octal(h, 148, 8);
    const sum = h.reduce((a, b, i) => a + (i >= 148 && i < 156 ? 32 : b), 0);
    if (stored !== sum) throw new ArchiveError(`entry at byte ${at}: the header checksum is wrong (a damaged archive)`);
    const name = h.toString('utf8', 0, 100).replace(/\0.*$/s, '');
    const prefix = h.toString('utf8', 345, 500).replace(/\0.*$/s, '');
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
    if (clean !== '' && clean !== '.') checkPath(clean);
    bytes += size;
    if (bytes > MAX_UNPACKED_BYTES)
      throw new ArchiveError(
        `the files add up to more than ${MAX_UNPACKED_BYTES} bytes (16 MB); that is not a task service`,
      );
    const start = at + BLOCK;
    if (start + size > tar.length) throw new ArchiveError(`"${path}": the archive ends inside this file (truncated)`);
    if (!isDir) {
      if (files.has(clean)) throw new ArchiveError(`"${path}" appears twice`);
      files.set(clean, Buffer.from(tar.subarray(start, start + size)));
    }
    at = start + Math.ceil(size / BLOCK) * BLOCK;
  }
  return files;
}

/** Writes validated files under `dir` (which the caller created empty). */
export function writeFiles(dir: string, files: ReadonlyMap<string, Uint8Array>): void {
  for (const [path, content] of files) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content, { flag: 'wx' });
  }
}

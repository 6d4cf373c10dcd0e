// Project archives as .tar.gz (ustar), in both directions: the skeleton download and
// `workbook project pack` are packed here, and a report may carry an intern's project for a
// mentor's re-grade. Unpacking treats the archive as hostile with the rules the page's export form
// also applies (src/schemas/project-archive.ts); here only Node's gunzip and the file writes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  ArchiveError,
  checkArchivePath,
  checkArchiveSize,
  MAX_TAR_BYTES,
  readTar,
  tooManyBytesMessage,
} from '../../src/schemas/project-archive.ts';

const BLOCK = 512;
/** Every entry gets the same time, so one skeleton always packs to the same bytes. */
const MTIME = Date.UTC(2026, 0, 1) / 1000;

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
  checkArchivePath(path);
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

/** Reads and validates a .tar.gz with the shared rules (src/schemas/project-archive.ts): regular files (path → bytes). */
export function unpackTarGz(archive: Uint8Array): Map<string, Buffer> {
  checkArchiveSize(archive.length);
  let tar: Buffer;
  try {
    tar = gunzipSync(archive, { maxOutputLength: MAX_TAR_BYTES });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ArchiveError(
      code === 'ERR_BUFFER_TOO_LARGE'
        ? tooManyBytesMessage()
        : `not a gzip-compressed tar archive (${(error as Error).message})`,
    );
  }
  const files = new Map<string, Buffer>();
  for (const [path, bytes] of readTar(tar)) files.set(path, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
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

// Project archives: the skeleton packs to a .tar.gz that system tar reads, and unpacking refuses
// every hostile entry (climbing paths, links, devices, bombs, oversize) before writing anything —
// through both readers of the one rule set: Node's (the re-grade) and the web's (the export form,
// DecompressionStream, which Node 24 has too).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_PROJECT_ARCHIVE_BYTES } from '../../src/schemas/project.ts';
import {
  ArchiveError,
  MAX_ENTRIES,
  projectFiles,
  readProjectArchive,
  readTarGz,
} from '../../src/schemas/project-archive.ts';
import { packTarGz, unpackTarGz } from './archive.ts';
import { skeletonFiles } from './init.ts';

const repo = resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'workbook-archive-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A raw ustar entry with any name and type, as a hostile tool would write it. */
function entry(name: string, type: string, body = Buffer.alloc(0), linkname = ''): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0, 100);
  h.write('0000644\0', 100);
  h.write(`${body.length.toString(8).padStart(11, '0')}\0`, 124);
  h.write('00000000000\0', 136);
  h.write('        ', 148);
  h.write(type, 156);
  h.write(linkname, 157, 100);
  h.write('ustar\u000000', 257);
  h.write(
    `${h
      .reduce((a, b) => a + b, 0)
      .toString(8)
      .padStart(6, '0')}\0 `,
    148,
  );
  return Buffer.concat([h, body, Buffer.alloc((512 - (body.length % 512)) % 512)]);
}
const tarGz = (...entries: Buffer[]) => gzipSync(Buffer.concat([...entries, Buffer.alloc(1024)]));

describe('packTarGz', () => {
  it('packs the skeleton so that system tar lists and extracts the same files, byte for byte, the same every time', () => {
    const files = skeletonFiles(repo, 'my-task-service');
    expect([...files.keys()]).toEqual(
      expect.arrayContaining([
        '.gitignore',
        'package.json',
        'package-lock.json',
        'src/main.ts',
        'workbook.project.json',
      ]),
    );
    const archive = packTarGz(files);
    expect(packTarGz(skeletonFiles(repo, 'my-task-service')).equals(archive)).toBe(true);
    const dir = temp();
    writeFileSync(join(dir, 'a.tar.gz'), archive);
    mkdirSync(join(dir, 'out'));
    execFileSync('tar', ['-xzf', join(dir, 'a.tar.gz'), '-C', join(dir, 'out')]);
    for (const [path, text] of files) expect(readFileSync(join(dir, 'out', path), 'utf8'), path).toBe(text);
    expect(unpackTarGz(archive).get('src/main.ts')?.toString()).toBe(files.get('src/main.ts'));
  });

  it('reads the same files through the web reader as through the re-grade reader', async () => {
    const archive = packTarGz(skeletonFiles(repo, 'my-task-service'));
    const node = unpackTarGz(archive);
    const web = await readProjectArchive(new Uint8Array(archive));
    expect([...web.keys()]).toEqual([...node.keys()]);
    for (const [path, bytes] of node) expect(Buffer.from(web.get(path)!).equals(bytes), path).toBe(true);
  });
});

describe('projectFiles', () => {
  it('drops one folder holding everything, and leaves a flat archive alone', () => {
    const flat = new Map([['package.json', '{}']]);
    expect(projectFiles(flat)).toBe(flat);
    const nested = new Map([
      ['p/package.json', '{}'],
      ['p/src/main.ts', ''],
    ]);
    expect([...projectFiles(nested).keys()]).toEqual(['package.json', 'src/main.ts']);
  });
  it('refuses an archive without package.json at its top', async () => {
    expect(() => projectFiles(new Map([['a/b/package.json', '{}']]))).toThrow(/no package.json at its top/);
    await expect(readProjectArchive(new Uint8Array(packTarGz(new Map([['src/main.ts', '']]))))).rejects.toThrow(
      /no package.json at its top \(pack the project folder itself\)/,
    );
  });
});

const readers = {
  'node (the re-grade: gunzipSync)': async (archive: Uint8Array) => unpackTarGz(archive),
  'web (the export form: DecompressionStream)': (archive: Uint8Array) => readTarGz(new Uint8Array(archive)),
};

describe.each(Object.entries(readers))('the %s reader refuses hostile archives', (_, read) => {
  const refuses = async (archive: Uint8Array, message: RegExp) => {
    const error = await read(archive).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ArchiveError);
    expect((error as Error).message).toMatch(message);
  };

  it('an absolute path', () =>
    refuses(tarGz(entry('/etc/passwd', '0', Buffer.from('x'))), /"\/etc\/passwd": absolute paths/));
  it('a path with ..', () =>
    refuses(tarGz(entry('src/../../evil.ts', '0', Buffer.from('x'))), /"\.\." would climb out/));
  it('a symbolic link made by system tar', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'p'));
    writeFileSync(join(dir, 'p', 'a.ts'), 'x');
    symlinkSync('/etc/passwd', join(dir, 'p', 'link'));
    execFileSync('tar', ['-czf', join(dir, 'p.tar.gz'), '-C', join(dir, 'p'), '.']);
    await refuses(readFileSync(join(dir, 'p.tar.gz')), /"link" is a symbolic link/);
  });
  it('a hard link', () => refuses(tarGz(entry('h', '1', Buffer.alloc(0), '/etc/shadow')), /"h" is a hard link/));
  it('a character device', () => refuses(tarGz(entry('tty', '3')), /"tty" is a character device/));
  it('a block device', () => refuses(tarGz(entry('sda', '4')), /"sda" is a block device/));
  it('a FIFO', () => refuses(tarGz(entry('pipe', '6')), /"pipe" is a FIFO/));
  it('node_modules', () =>
    refuses(tarGz(entry('node_modules/x/index.js', '0', Buffer.from('x'))), /node_modules is never part/));
  it('the same path twice', () =>
    refuses(tarGz(entry('a.ts', '0', Buffer.from('1')), entry('a.ts', '0', Buffer.from('2'))), /"a.ts" appears twice/));
  it('more entries than the limit', () =>
    refuses(
      tarGz(...Array.from({ length: MAX_ENTRIES + 1 }, (_, i) => entry(`f${i}`, '0'))),
      /more than 2000 entries/,
    ));
  it('a gzip bomb (16 MB of zeros behind a small archive)', () =>
    refuses(tarGz(entry('big', '0', Buffer.alloc(17 * 1024 * 1024))), /more than 16777216 bytes/));
  it('a gzip bomb that never ends (decompression stops at the cap)', () =>
    refuses(gzipSync(Buffer.alloc(40 * 1024 * 1024), { level: 9 }), /unpacks to more than 16777216 bytes/));
  it('an archive over 2 MB', () =>
    refuses(randomBytes(MAX_PROJECT_ARCHIVE_BYTES + 1), /limit is 2097152 bytes \(2 MB\)/));
  it('something that is not gzip', () =>
    refuses(Buffer.from('PK\u0003\u0004 a zip'), /not a gzip-compressed tar archive/));
  it('a damaged header', async () => {
    const bad = entry('a.ts', '0', Buffer.from('x'));
    bad[0] = 'b'.charCodeAt(0);
    await refuses(tarGz(bad), /checksum is wrong/);
  });
  it('a truncated file', () =>
    refuses(gzipSync(entry('a.ts', '0', Buffer.alloc(2048)).subarray(0, 1024)), /truncated/));
});

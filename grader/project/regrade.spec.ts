// Re-grading a report's project archive: refused without bubblewrap and for a hostile archive (nothing
// unpacked, nothing run); a real archive is unpacked under the workbook, checked by the real m1
// suite in the sandbox, and deleted afterwards.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { packTarGz } from './archive.ts';
import { regradeProjectArchive } from './regrade.ts';

const repo = resolve(import.meta.dirname, '../..');
const runs = join(repo, '.workbook', 'project-regrades');
const leftovers = () => (existsSync(runs) ? readdirSync(runs) : []);

/** A project whose `npm start` answers 404 to everything: it fails every m1 check. */
const notFoundProject = new Map([
  ['my-task-service/package.json', '{"name":"p","private":true,"scripts":{"start":"node server.js"}}\n'],
  ['my-task-service/workbook.project.json', '{"version":1,"name":"p","milestones":{}}\n'],
  [
    'my-task-service/server.js',
    "require('node:http').createServer((q, s) => { s.writeHead(404, { 'content-type': 'application/json' }); s.end('{}'); }).listen(Number(process.env.PORT), process.env.HOST);\n",
  ],
]);

describe('regradeProjectArchive', () => {
  it('refuses to run an archive without bubblewrap, saying how to get it', async () => {
    const report = await regradeProjectArchive({
      repo,
      milestone: 'm1',
      archive: packTarGz(notFoundProject),
      isolation: () => ({ isolation: 'none', reason: 'bwrap is not installed' }),
    });
    expect(report.status).toBe('error');
    expect(report.message).toMatch(
      /^Not re-graded: .*only inside bubblewrap.*bwrap is not installed.*apt-get install bubblewrap/,
    );
  });

  it('refuses a hostile archive before unpacking anything', async () => {
    const before = leftovers();
    const link = Buffer.alloc(512);
    link.write('evil', 0);
    link.write('0000777\0', 100);
    link.write('00000000000\0', 124);
    link.write('00000000000\0', 136);
    link.write('        ', 148);
    link.write('2', 156);
    link.write('/etc/passwd', 157);
    link.write('ustar\u000000', 257);
    link.write(
      `${link
        .reduce((a, b) => a + b, 0)
        .toString(8)
        .padStart(6, '0')}\0 `,
      148,
    );
    const report = await regradeProjectArchive({
      repo,
      milestone: 'm1',
      archive: gzipSync(Buffer.concat([link, Buffer.alloc(1024)])),
      isolation: () => ({ isolation: 'bubblewrap', reason: '' }),
    });
    expect(report.message).toBe(
      'Not re-graded: the project archive was refused: "evil" is a symbolic link; a project archive holds only files and folders.',
    );
    expect(leftovers()).toEqual(before);
  });

  it('runs the real suite on a real archive in the sandbox, then deletes the unpacked project', async () => {
    const before = leftovers();
    const report = await regradeProjectArchive({ repo, milestone: 'm1', archive: packTarGz(notFoundProject) });
    expect(report.exerciseId).toBe('project-m1');
    expect(report.status, report.message).toBe('failed');
    expect(report.isolation).toBe('bubblewrap');
    expect(report.checks.every((c) => c.status === 'failed')).toBe(true);
    expect(leftovers()).toEqual(before);
  }, 300_000);
});

// `workbook project pack`: it leaves out what a re-grade never takes, refuses what a re-grade would
// refuse (naming the file and what to do), and what it writes is read back by the re-grade's own
// reader. The real CLI for what it prints and writes; packProject itself for the other refusals.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { projectFiles } from '../../src/schemas/project-archive.ts';
import { unpackTarGz } from './archive.ts';
import { skeletonFiles } from './init.ts';
import { packProject } from './pack.ts';

const cli = resolve(import.meta.dirname, '..', 'cli.ts');
const repo = resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh skeleton project in `<temp>/my-task-service`, with what a working folder also holds. */
function project(): { root: string; dir: string } {
  const root = mkdtempSync(join(tmpdir(), 'workbook-pack-'));
  dirs.push(root);
  const dir = join(root, 'my-task-service');
  for (const [path, text] of skeletonFiles(repo, 'my-task-service')) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  for (const folder of ['node_modules/.bin', 'node_modules/x', 'dist', 'coverage', '.git', 'src/tasks'])
    mkdirSync(join(dir, folder), { recursive: true });
  writeFileSync(join(dir, 'node_modules/x/index.js'), 'module.exports = 1;\n');
  symlinkSync('../x/index.js', join(dir, 'node_modules/.bin/x'));
  writeFileSync(join(dir, 'dist/main.js'), '"use strict";\n');
  writeFileSync(join(dir, 'coverage/lcov.info'), 'TN:\n');
  writeFileSync(join(dir, '.git/HEAD'), 'ref: refs/heads/main\n');
  writeFileSync(join(dir, 'src/tasks/task.entity.ts'), 'export class Task {}\n');
  return { root, dir };
}

const pack = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [cli, 'project', 'pack', ...args], { cwd, encoding: 'utf8' });

describe('workbook project pack', () => {
  it('packs the project without node_modules, dist, coverage and .git; the re-grade reads back every file', () => {
    const { root, dir } = project();
    const run = pack(root, '--dir', 'my-task-service');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = join(root, 'my-task-service.tar.gz');
    expect(run.stdout).toMatch(/^Packed 10 files into my-task-service\.tar\.gz: \d+\.\d KB of the 2 MB/);
    expect(run.stdout).toContain('left out: .git, coverage, dist, node_modules');
    expect(run.stdout).toContain('"Export report" on the home page, with this file attached');
    const files = projectFiles(unpackTarGz(readFileSync(out)));
    const expected = [...skeletonFiles(repo, 'my-task-service').keys(), 'src/tasks/task.entity.ts'];
    expect([...files.keys()].sort()).toEqual(expected.sort());
    for (const path of files.keys()) expect(files.get(path)?.equals(readFileSync(join(dir, path))), path).toBe(true);
    // System tar reads it too.
    expect(execFileSync('tar', ['-tzf', out], { encoding: 'utf8' })).toContain('src/tasks/task.entity.ts');
  });

  it('writes <folder>.tar.gz in the current folder, and never packs its own output', () => {
    const { dir } = project();
    expect(pack(dir).status).toBe(0);
    const again = pack(dir);
    expect(again.status).toBe(0);
    const files = unpackTarGz(readFileSync(join(dir, 'my-task-service.tar.gz')));
    expect(files.has('my-task-service.tar.gz')).toBe(false);
    expect(files.has('package.json')).toBe(true);
  });

  it('refuses a symbolic link, naming it and what to do, and writes nothing', () => {
    const { root, dir } = project();
    symlinkSync('/etc/passwd', join(dir, 'src/tasks/secrets.ts'));
    const run = pack(root, '--dir', dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      '"src/tasks/secrets.ts" is a symbolic link; a re-grade takes only files and folders. Replace it with a copy of what it points to, or delete it, then pack again.',
    );
    expect(existsSync(join(root, 'my-task-service.tar.gz'))).toBe(false);
  });

  it('refuses a FIFO', () => {
    const { dir } = project();
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    expect(() => packProject(dir)).toThrow('"pipe" is a FIFO; a re-grade takes only files and folders. Delete it');
  });

  it('refuses an archive over 2 MB and lists the biggest files', () => {
    const { root, dir } = project();
    writeFileSync(join(dir, 'src/tasks/fixtures.bin'), randomBytes(2.5 * 1024 * 1024));
    const run = pack(root, '--dir', dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/the archive would be 2\.\d MB; a report carries at most 2 MB\. The biggest files:\n/);
    expect(run.stderr).toMatch(
      /The biggest files:\n +2\.5 MB {2}src\/tasks\/fixtures\.bin\n +\d+\.\d KB {2}package-lock\.json/,
    );
    expect(run.stderr).toContain('then pack again');
    expect(existsSync(join(root, 'my-task-service.tar.gz'))).toBe(false);
  });

  it('refuses a path too long for a tar archive', () => {
    const { dir } = project();
    const deep = join(dir, 'src', ...Array.from({ length: 6 }, () => 'a'.repeat(40)));
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, 'xyz.ts'), '');
    expect(() => packProject(dir)).toThrow(
      /"src\/a{40}\/.*\/xyz\.ts": the path is 256 bytes, more than a tar archive holds \(255\); shorten it/,
    );
  });

  it('says what a folder lacks to be a project', () => {
    const { dir } = project();
    rmSync(join(dir, 'workbook.project.json'));
    expect(() => packProject(dir)).toThrow('has no workbook.project.json: a capstone project folder');
  });
});

// The capstone keeps its promises: `project init` writes a skeleton pinned like the reference
// service, and for every milestone with a suite the reference service passes, the bare skeleton
// fails with the contract's words, and every deliberately broken variant fails on its named check.
// Each run starts a real service (under bubblewrap when the machine has it) and real HTTP.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_MILESTONES, workbookProjectSchema } from '../../src/schemas/project.ts';
import { checkProject } from './check.ts';
import { readProjectFile, recordPassed, writeSkeleton } from './init.ts';
import { milestoneChecks } from './run-suite.ts';
import { loadVariants, writeVariant } from './variants.ts';

const repo = join(import.meta.dirname, '..', '..');
// Runs live under the repository so the skeleton and variants resolve the workbook's node_modules.
const runs = join(repo, '.workbook', 'project-runs');
mkdirSync(runs, { recursive: true });
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
const runDir = (label: string) => {
  const dir = mkdtempSync(join(runs, `${label}-`));
  made.push(dir);
  return dir;
};

/** Processes whose working folder is inside `dir` (a service left running would show here). */
function processesIn(dir: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readlinkSync(`/proc/${pid}/cwd`).startsWith(dir);
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('project init', () => {
  it("writes the skeleton with the reference service's exact dependency versions and an empty milestone record", () => {
    const dir = join(runDir('init'), 'My Task Service');
    writeSkeleton(repo, dir);
    for (const file of [
      'package.json',
      'tsconfig.json',
      'src/main.ts',
      'src/app.module.ts',
      'README.md',
      '.gitignore',
      'vitest.config.ts',
    ])
      expect(existsSync(join(dir, file)), file).toBe(true);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(manifest.name).toBe('my-task-service');
    expect(manifest.scripts.start).toBeTypeOf('string');
    const lock = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8'));
    const service = JSON.parse(readFileSync(join(repo, 'service', 'package.json'), 'utf8'));
    for (const name of Object.keys(service.dependencies)) {
      const installed =
        lock.packages[`node_modules/${name}`]?.version ?? lock.packages[`service/node_modules/${name}`]?.version;
      expect(manifest.dependencies[name], `skeleton ${name}`).toBe(installed);
    }
    expect(readProjectFile(dir)).toEqual({ version: 1, name: 'my-task-service', milestones: {} });
  });

  it("the skeleton's lockfile holds only versions the workbook installed (so the npm cache has them)", () => {
    const root = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8'));
    const skeleton = JSON.parse(readFileSync(join(repo, 'project', 'skeleton', 'package-lock.json'), 'utf8'));
    const differ = Object.entries(skeleton.packages as Record<string, { version?: string }>)
      .filter(([key, entry]) => key !== '' && root.packages[key]?.version !== entry.version)
      .map(([key]) => key);
    // A mismatch: run `node scripts/skeleton-lock.ts` after changing package.json or the skeleton.
    expect(differ).toEqual([]);
    expect(Object.keys(skeleton.packages)).toContain('node_modules/@nestjs/core');
  });

  it('refuses a folder that is not empty, saying what to do', () => {
    const dir = runDir('init-full');
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    expect(() => writeSkeleton(repo, dir)).toThrow(/already exists and is not empty; choose a new folder/);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('the CLI creates the project and says exactly what to run when it does not install', () => {
    const parent = runDir('init-cli');
    const run = spawnSync(
      process.execPath,
      [join(repo, 'grader', 'cli.ts'), 'project', 'init', 'svc', '--no-install'],
      { cwd: parent, encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('cd svc && npm install --offline');
    expect(run.stdout).toContain('workbook project check m1 --dir svc');
    expect(existsSync(join(parent, 'svc', 'src', 'main.ts'))).toBe(true);
  });

  it('records a passed milestone in workbook.project.json, and never writes one into a folder without it', () => {
    const dir = join(runDir('record'), 'svc');
    writeSkeleton(repo, dir);
    expect(recordPassed(dir, 'm1', 'bubblewrap')).toBe(true);
    const saved = workbookProjectSchema.parse(JSON.parse(readFileSync(join(dir, 'workbook.project.json'), 'utf8')));
    expect(saved.milestones.m1?.isolation).toBe('bubblewrap');
    const bare = runDir('record-bare');
    expect(recordPassed(bare, 'm1', 'none')).toBe(false);
    expect(existsSync(join(bare, 'workbook.project.json'))).toBe(false);
  });
});

// Every milestone with a suite folder; their runs go concurrently (each starts its own services).
// project/alternative is a service written from the milestone pages alone (its README): the milestones it passes.
const ALTERNATIVE_PASSES: readonly string[] = ['m1', 'm2', 'm3', 'm4'];
const milestones = PROJECT_MILESTONES.filter((m) => existsSync(join(repo, 'checks', 'project', m)));

for (const milestone of milestones) {
  describe.concurrent(`milestone ${milestone} keeps its promises`, () => {
    const checks = milestoneChecks(repo, milestone);
    // M4 runs the reference's whole test suite (minutes on a loaded 2-core machine) before its checks.
    const timeout = milestone === 'm4' ? 1_200_000 : 300_000;

    it('the reference service passes every check, and the report says how it was isolated', { timeout }, async () => {
      const report = await checkProject({ repo, dir: join(repo, 'service'), milestone });
      expect(
        report.checks.filter((c) => c.status !== 'passed'),
        report.message,
      ).toEqual([]);
      expect(report.status).toBe('passed');
      expect(report.checks.map((c) => c.name)).toEqual(checks);
      expect(report.isolationDetail).toBeTypeOf('string');
    });

    if (ALTERNATIVE_PASSES.includes(milestone))
      it(`an independently written service (project/alternative) passes ${milestone}`, { timeout }, async () => {
        // A copy, so the pass is recorded in the copy's workbook.project.json, not the repository's.
        const dir = join(runDir(`alternative-${milestone}`), 'svc');
        cpSync(join(repo, 'project', 'alternative'), dir, { recursive: true });
        const report = await checkProject({ repo, dir, milestone });
        expect(
          report.checks.filter((c) => c.status !== 'passed'),
          report.message,
        ).toEqual([]);
        expect(report.checks.map((c) => c.name)).toEqual(checks);
        expect(processesIn(dir)).toEqual([]);
      });

    it("the bare skeleton fails every check, in the contract's words", { timeout }, async () => {
      const dir = join(runDir(`skeleton-${milestone}`), 'svc');
      writeSkeleton(repo, dir);
      const report = await checkProject({ repo, dir, milestone });
      expect(report.status, report.message).toBe('failed');
      expect(report.checks.filter((c) => c.status !== 'failed').map((c) => c.name)).toEqual([]);
      for (const check of report.checks) expect(check.message, check.name).toMatch(/the contract says/);
      if (milestone === 'm1') {
        const register = report.checks.find((c) => c.name.startsWith('POST /auth/register answers 201'));
        expect(register?.message).toMatch(/^POST \/auth\/register answered 404; the contract says 201\./);
      }
      expect(processesIn(dir)).toEqual([]);
    });

    for (const variant of loadVariants(repo, milestone)) {
      it(`broken variant "${variant.id}" fails on "${variant.failingCheck}"`, { timeout }, async () => {
        expect(checks).toContain(variant.failingCheck);
        const dir = join(runDir(`variant-${variant.id}`), 'service');
        writeVariant(repo, variant, dir);
        // Only the check the variant breaks: the rest of the suite is the reference's run.
        const report = await checkProject({ repo, dir, milestone, only: variant.failingCheck });
        expect(report.status, report.message).toBe('failed');
        const failing = report.checks.find((c) => c.name === variant.failingCheck);
        expect(failing?.status, failing?.message).toBe('failed');
        expect(processesIn(dir)).toEqual([]);
      });
    }
  });
}

describe('project check', () => {
  it('the CLI saves a milestone report in the progress file the home page imports', () => {
    const dir = runDir('progress');
    writeFileSync(join(dir, 'package.json'), '{"name":"x"}');
    const progress = join(dir, 'progress.json');
    const run = spawnSync(process.execPath, [join(repo, 'grader', 'cli.ts'), 'project', 'check', 'm1', '--dir', dir], {
      encoding: 'utf8',
      env: { ...process.env, WORKBOOK_PROGRESS_FILE: progress },
    });
    expect(run.status, run.stderr).toBe(1);
    const saved = JSON.parse(readFileSync(progress, 'utf8'));
    expect(saved.progress.exercises['project-m1'].lastReport.status).toBe('error');
    expect(saved.progress.exercises['project-m1'].files).toEqual({});
  });

  it('a folder without a start script is an error that says how to fix it', async () => {
    const dir = runDir('no-start');
    writeFileSync(join(dir, 'package.json'), '{"name":"x"}');
    const report = await checkProject({ repo, dir, milestone: 'm1' });
    expect(report.status).toBe('error');
    expect(report.message).toMatch(/has no "start" script: the workbook starts your service with `npm start`/);
  });
});

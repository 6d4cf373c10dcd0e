// A newcomer's `npm install` and the README agree: the project's own `engines` accepts the Node and
// npm the README names, so npm prints no engine warning for the workbook itself (issue 16).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  engines: { node: string; npm: string };
};
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('install requirements', () => {
  it("states in the README the same minimum Node and npm as package.json's engines", () => {
    const stated = /Node\.js (\d+) or newer with npm (\d+) or newer/.exec(readme);
    expect(stated, 'README names "Node.js N or newer with npm N or newer"').not.toBeNull();
    expect(pkg.engines.node).toBe(`>=${stated?.[1]}`);
    expect(pkg.engines.npm).toBe(`>=${stated?.[2]}`);
    expect(readme).toContain('node@24');
  });

  it('npm install (dry run, with the system Node) warns about no engine of the workbook itself', () => {
    // The system Node and npm, as a newcomer runs them: node_modules/.bin (Node 24) off the PATH.
    const path = (process.env['PATH'] ?? '')
      .split(delimiter)
      .filter((dir) => !dir.includes('node_modules'))
      .join(delimiter);
    const run = spawnSync('npm', ['install', '--dry-run', '--no-audit', '--no-fund'], {
      cwd: root,
      env: { ...process.env, PATH: path, npm_config_loglevel: 'warn' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const output = `${run.stdout}\n${run.stderr}`;
    expect(output).not.toContain(`package: '${pkg.name}@`);
  }, 150_000);
});

describe('README for mentors', () => {
  it('has a section walking through set → link → report → dashboard', () => {
    const section = readme.split(/^## For mentors$/m)[1]?.split(/^## /m)[0] ?? '';
    expect(section, 'README has a "## For mentors" section').not.toBe('');
    const steps = ['/mentor/', '#set=', 'Export report', '/mentor/dashboard/'];
    const positions = steps.map((s) => section.indexOf(s));
    expect(
      positions.every((p) => p >= 0),
      `mentions ${steps.join(', ')}`,
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});

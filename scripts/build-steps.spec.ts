// `npm start`'s quiet build: one line per step, the output only when a step fails or with --verbose.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSteps, runBuildSteps } from './build-steps.ts';

const root = join(import.meta.dirname, '..');
const noisy = `node -e "for (let i = 0; i < 300; i++) console.log('build line ' + i)"`;

async function collect(commands: string[], verbose = false) {
  const lines: string[] = [];
  const errors: string[] = [];
  const ok = await runBuildSteps(
    commands.map((command) => ({ label: command.slice(0, 20), command })),
    { root, verbose, log: (l) => lines.push(l), error: (t) => errors.push(t) },
  );
  return { ok, lines, errors };
}

describe('buildSteps', () => {
  it("splits package.json's build script into named steps, in order", () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { build: string } };
    const steps = buildSteps(pkg.scripts.build);
    expect(steps.map((s) => s.label.split(' (')[0])).toEqual([
      'diagrams',
      'pages',
      'search index',
      'browser engine',
      'offline cache',
    ]);
    expect(steps[1]?.command).toBe('astro build');
  });

  it('shows an unknown command as itself', () => {
    expect(buildSteps('echo a && echo b')).toEqual([
      { label: 'echo a', command: 'echo a' },
      { label: 'echo b', command: 'echo b' },
    ]);
  });
});

describe('runBuildSteps', () => {
  it('prints two lines per step, none of the step output, when it succeeds', async () => {
    const { ok, lines, errors } = await collect([noisy, 'node -e "1"']);
    expect(ok).toBe(true);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^start: \[1\/2\] /);
    expect(lines[1]).toMatch(/^start: \[1\/2\] .* done in \d+\.\d s$/);
    expect(lines.join('\n')).not.toContain('build line');
    expect(errors).toEqual([]);
  });

  it("stops at a failing step and prints that step's output and what failed", async () => {
    const { ok, lines, errors } = await collect([
      `node -e "console.log('compiling'); console.error('error: week-03.mdx: bad front matter'); process.exit(3)"`,
      'node -e "1"',
    ]);
    expect(ok).toBe(false);
    expect(lines).toHaveLength(1);
    expect(errors[0]).toContain('error: week-03.mdx: bad front matter');
    expect(errors[1]).toMatch(/step 1 .* failed with exit code 3/);
  });
});

// `npm test`: every stage in order, then one closing line CI can read: "N passed, N failed".
// Each stage writes a JSON report under .workbook/results; a stage that crashes before reporting
// counts as one failure, so a broken stage can never look green.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { preflight, requirements } from './preflight.ts';

const root = join(import.meta.dirname, '..');
const results = join(root, '.workbook', 'results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

interface Stage {
  name: string;
  command: string[];
  /** Reads passed/failed counts from the stage's report; absent for stages that only pass or fail. */
  count?: () => { passed: number; failed: number };
}

const vitestJson = (file: string) => () => {
  const r = JSON.parse(readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number };
  return { passed: r.numPassedTests, failed: r.numFailedTests };
};
const playwrightJson = (file: string) => () => {
  const r = JSON.parse(readFileSync(file, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number };
  };
  return { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected };
};

const only = process.argv.slice(2);
const stages: Stage[] = [
  // Format and lint in one pass (Biome, biome.jsonc): a few seconds.
  { name: 'lint', command: ['npm', 'run', 'lint'] },
  // Layers point one way (.dependency-cruiser.cjs): a few seconds.
  { name: 'depcruise', command: ['npm', 'run', 'depcruise'] },
  // Files nothing reaches, dependencies unused or unlisted (knip.jsonc): a few seconds.
  { name: 'knip', command: ['npm', 'run', 'knip'] },
  { name: 'typecheck', command: ['npm', 'run', 'typecheck'] },
  {
    name: 'unit',
    command: [
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${join(results, 'unit.json')}`,
    ],
    count: vitestJson(join(results, 'unit.json')),
  },
  {
    name: 'service',
    command: [
      'npm',
      'run',
      'test',
      '-w',
      'service',
      '--',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${join(results, 'service.json')}`,
    ],
    count: vitestJson(join(results, 'service.json')),
  },
  { name: 'build', command: ['npm', 'run', 'build'] },
  {
    name: 'e2e',
    command: ['playwright', 'test'],
    count: playwrightJson(join(results, 'e2e.json')),
  },
].filter((s) => only.length === 0 || only.includes(s.name));

// Preflight: what the chosen stages need, one line each; stop before 20 minutes of doomed tests.
console.log('▶ preflight: what the tests need');
const stageNames = new Set(stages.map((s) => s.name));
const checked = await preflight(requirements().filter((r) => r.stages.some((s) => stageNames.has(s))));
for (const result of checked) console.log(result.line);
const missing = checked.filter((r) => r.required && !r.ok);
if (missing.length > 0) {
  console.error(
    `\n✖ preflight: ${missing.map((r) => r.name).join(', ')} missing; run the command shown above, then npm test again`,
  );
  console.log(`0 passed, ${missing.length} failed`);
  process.exit(1);
}

let passed = 0;
let failed = 0;
const summary: string[] = [];
for (const stage of stages) {
  console.log(`\n▶ ${stage.name}: ${stage.command.join(' ')}`);
  const started = Date.now();
  const [cmd, ...args] = stage.command as [string, ...string[]];
  const run = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, WORKBOOK_RESULTS: results } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  let counts = { passed: run.status === 0 ? 1 : 0, failed: run.status === 0 ? 0 : 1 };
  if (stage.count) {
    try {
      counts = stage.count();
      if (run.status !== 0 && counts.failed === 0) counts.failed = 1; // crashed after reporting
    } catch {
      counts = { passed: 0, failed: 1 };
      console.error(`✖ ${stage.name}: no report was written, counting the stage as failed`);
    }
  }
  passed += counts.passed;
  failed += counts.failed;
  summary.push(
    `${run.status === 0 ? '✔' : '✖'} ${stage.name.padEnd(10)} ${counts.passed} passed, ${counts.failed} failed (${seconds} s)`,
  );
}

console.log(`\n${summary.join('\n')}\n`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;

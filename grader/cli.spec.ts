// The `workbook` CLI as an intern runs it: a real process, real exit codes, real output.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { checkReportSchema, gradeEventSchema } from '../src/schemas/report.ts';
import { parseProgressFile } from '../src/stores/progress-file.ts';

const cli = join(import.meta.dirname, 'cli.ts');
const scratch = mkdtempSync(join(tmpdir(), 'workbook-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function workbook(args: string[], input?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: scratch,
      env: { ...process.env, NO_COLOR: '1', WORKBOOK_PROGRESS_FILE: join(scratch, 'progress.json') },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

it('list --json prints the catalog', async () => {
  const { code, stdout } = await workbook(['list', '--json']);
  expect(code).toBe(0);
  const ids = (JSON.parse(stdout) as { id: string }[]).map((e) => e.id);
  expect(ids).toContain('task-entity-complete');
});

it('an unknown id or a missing folder is a one-line error with the fix, exit code 2', async () => {
  const unknown = await workbook(['check', 'no-such-exercise']);
  expect(unknown.code).toBe(2);
  expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
  expect(unknown.stderr).toMatch(/Unknown exercise "no-such-exercise".*workbook list/);
  const missing = await workbook(['check', 'task-entity-complete', '--dir', 'nowhere']);
  expect(missing.code).toBe(2);
  expect(missing.stderr.trim()).toMatch(
    /^workbook: no folder nowhere: run `npx workbook start task-entity-complete` first/,
  );
});

it('start copies the starter into a folder, and check grades that folder (exit 1 while checks fail)', async () => {
  const started = await workbook(['start', 'task-entity-complete', '--dir', 'mine']);
  expect(started.code).toBe(0);
  expect(readFileSync(join(scratch, 'mine/src/domain/task/task.entity.ts'), 'utf8')).toContain('not implemented');
  const checked = await workbook(['check', 'task-entity-complete', '--dir', 'mine']);
  expect(checked.code).toBe(1);
  expect(checked.stdout).toMatch(/✖ task-entity-complete: failed \(0\/\d+ checks/);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts every colour code; none may appear.
  expect(checked.stdout).not.toMatch(/\u001b\[/); // plain text when not a terminal
  expect(checked.stderr).toBe(''); // no spinner when not a terminal
  // The next step: a hint command that works as printed, the page, and how to check again.
  expect(checked.stdout).toContain('→ Stuck? Read a hint: npx workbook hint task-entity-complete');
  expect(checked.stdout).toContain(
    '→ Instructions, hints and the editor: http://127.0.0.1:4321/exercises/task-entity-complete/',
  );
  expect(checked.stdout).toContain('→ Check again: npx workbook check task-entity-complete --dir mine');
  const hint = await workbook(['hint', 'task-entity-complete']);
  expect(hint.stdout).toMatch(/^Hint 1 of \d+ for task-entity-complete:/);
  // The run is in the progress file the page imports.
  const saved = parseProgressFile(readFileSync(join(scratch, 'progress.json'), 'utf8'), 'progress.json');
  expect(saved.ok && saved.value.progress.exercises['task-entity-complete']?.status).toBe('attempted');
}, 120_000);

it('check --solution --json prints a valid passing report and exits 0', async () => {
  const { code, stdout } = await workbook(['check', 'task-entity-complete', '--solution', '--json']);
  expect(code).toBe(0);
  const report = checkReportSchema.parse(JSON.parse(stdout));
  expect(report).toMatchObject({ status: 'passed', engine: 'cli' });
}, 120_000);

it('grade --ndjson reads a GradeRequest on stdin and streams GradeEvents, one JSON per line', async () => {
  const { code, stdout } = await workbook(
    ['grade', '--ndjson'],
    JSON.stringify({ exerciseId: 'task-entity-complete', files: {} }),
  );
  expect(code).toBe(1); // the starter (files default to it) fails
  const events = stdout
    .trim()
    .split('\n')
    .map((line) => gradeEventSchema.parse(JSON.parse(line)));
  expect(events[0]?.type).toBe('queued');
  expect(events[1]?.type).toBe('started');
  expect(events.at(-1)?.type).toBe('report');
}, 120_000);

it('grade --ndjson with a nonce puts it on every line, so the page can tell its events from anything printed', async () => {
  const nonce = 'n0nce-of-this-run-123';
  const { stdout } = await workbook(
    ['grade', '--ndjson'],
    JSON.stringify({ exerciseId: 'task-entity-complete', files: {}, nonce }),
  );
  const lines = stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { nonce: string; event: unknown });
  expect(lines.every((line) => line.nonce === nonce)).toBe(true);
  expect(lines.map((line) => gradeEventSchema.parse(line.event).type).at(-1)).toBe('report');
}, 120_000);

it('--stage is for tdd exercises only, and names the two stages', async () => {
  const other = await workbook(['check', 'task-entity-complete', '--solution', '--stage', 'spec']);
  expect(other.code).toBe(2);
  expect(other.stderr.trim()).toBe(
    'workbook: --stage applies only to tdd exercises; "task-entity-complete" is graded in one stage. Drop --stage.',
  );
});

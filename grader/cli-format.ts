// Renders a CheckReport for a terminal: coloured on a TTY, plain text otherwise.
import { attemptsOf, reportIsolationSentence } from '../src/schemas/isolation-label.ts';
import { splitLocations } from '../src/schemas/report-locations.ts';
import type { CheckReport, CheckResult } from '../src/schemas/report.ts';

export interface Style {
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

export function styleFor(stream: NodeJS.WriteStream): Style {
  const on = Boolean(stream.isTTY) && !process.env['NO_COLOR'];
  const wrap = (open: number, close: number) => (text: string) =>
    on ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return { green: wrap(32, 39), red: wrap(31, 39), yellow: wrap(33, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
}

const STAGE_NAMES: Record<NonNullable<CheckReport['stage']>, string> = {
  spec: 'stage 1, your spec',
  implementation: 'stage 2, your implementation',
};

const ICONS: Record<CheckResult['status'], string> = {
  passed: '✔',
  failed: '✖',
  error: '✖',
  timeout: '⏱',
  skipped: '○',
};

/** Where the learner's files are: their workspace paths, and how to print one for this terminal. */
export interface FileLinks {
  files: readonly string[];
  /** `src/x.ts` → the path to open from where the command runs, e.g. `task-entity-complete/src/x.ts`. */
  at(path: string): string;
}

export function formatReport(report: CheckReport, s: Style, links?: FileLinks): string {
  const passed = report.checks.filter((c) => c.status === 'passed').length;
  const colour = report.status === 'passed' ? s.green : report.status === 'failed' ? s.red : s.yellow;
  // An error decides the run: no check outcome is printed as if it counted.
  const notRun = report.status === 'error';
  const counts = notRun
    ? `the checks did not run, ${report.durationMs} ms`
    : `${passed}/${report.checks.length} checks, ${report.durationMs} ms`;
  const lines = [
    `${colour(`${ICONS[report.status === 'passed' ? 'passed' : 'failed']} ${report.exerciseId}${report.stage ? ` (${STAGE_NAMES[report.stage]})` : ''}: ${report.status}`)} ${s.dim(`(${counts})`)}`,
  ];
  lines.push(
    `  ${report.isolation === 'none' ? s.yellow(reportIsolationSentence(report)) : s.dim(reportIsolationSentence(report))}`,
  );
  // What the code tried and was refused: never hidden, whatever the verdict.
  for (const attempt of attemptsOf(report)) lines.push(s.red(`  ⚠ refused: ${attempt}`));
  const place = (text: string) => located(text, links);
  if (report.message) lines.push(...indent(place(report.message), '  ').map((l) => colour(l)), '');
  for (const check of report.checks) {
    if (notRun) {
      lines.push(`  ${s.dim(`${ICONS.skipped} not run: ${check.name}`)}`);
      continue;
    }
    const paint = check.status === 'passed' ? s.green : check.status === 'skipped' ? s.dim : s.red;
    lines.push(`  ${paint(ICONS[check.status])} ${check.status === 'passed' ? check.name : s.bold(check.name)}`);
    if (check.status === 'passed' || check.status === 'skipped') continue;
    if (check.expected !== undefined && check.expected === check.received) {
      // An identity failure (toBe on two equal-looking objects): the value once, and what differs.
      if (check.message) lines.push(...indent(firstLine(place(check.message.replace(/^\s*\n/, ''))), '      '));
      lines.push(
        ...indent(`expected and received print the same: ${check.expected}`, '      '),
        s.dim('      (they are not the same value: the check compares identity, e.g. the same object instance)'),
      );
      continue;
    }
    if (check.message) lines.push(...indent(place(check.message.replace(/^\s*\n/, '')), '      '));
    if (check.expected !== undefined)
      lines.push(...indent(`expected: ${check.expected}`, '      ').map((l) => s.green(l)));
    if (check.received !== undefined)
      lines.push(...indent(`received: ${check.received}`, '      ').map((l) => s.red(l)));
  }
  return lines.join('\n');
}

/** The message's first line, cut at 160 characters (the value follows on its own line). */
const firstLine = (text: string) => {
  const line = text.split('\n')[0] ?? '';
  return line.length > 160 ? `${line.slice(0, 157)}…` : line;
};

/** Rewrites `path:line:col` of the learner's files so a terminal opens the file the learner edits. */
function located(text: string, links: FileLinks | undefined): string {
  if (!links) return text;
  return splitLocations(text, links.files)
    .map((part) =>
      'location' in part ? `${links.at(part.location.path)}:${part.location.line}:${part.location.column}` : part.text,
    )
    .join('');
}

const indent = (text: string, pad: string) => text.split('\n').map((line) => pad + line);

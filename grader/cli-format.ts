// Renders a CheckReport for a terminal: coloured on a TTY, plain text otherwise.
import { attemptsOf, reportIsolationSentence } from '../src/schemas/isolation-label.ts';
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

const ICONS: Record<CheckResult['status'], string> = {
  passed: '✔',
  failed: '✖',
  error: '✖',
  timeout: '⏱',
  skipped: '○',
};

export function formatReport(report: CheckReport, s: Style): string {
  const passed = report.checks.filter((c) => c.status === 'passed').length;
  const colour = report.status === 'passed' ? s.green : report.status === 'failed' ? s.red : s.yellow;
  const lines = [
    `${colour(`${ICONS[report.status === 'passed' ? 'passed' : 'failed']} ${report.exerciseId}: ${report.status}`)} ${s.dim(`(${passed}/${report.checks.length} checks, ${report.durationMs} ms)`)}`,
  ];
  lines.push(
    `  ${report.isolation === 'none' ? s.yellow(reportIsolationSentence(report)) : s.dim(reportIsolationSentence(report))}`,
  );
  // What the code tried and was refused: never hidden, whatever the verdict.
  for (const attempt of attemptsOf(report)) lines.push(s.red(`  ⚠ refused: ${attempt}`));
  if (report.message) lines.push('', ...indent(report.message, '  ').map((l) => colour(l)), '');
  for (const check of report.checks) {
    const paint = check.status === 'passed' ? s.green : check.status === 'skipped' ? s.dim : s.red;
    lines.push(`  ${paint(ICONS[check.status])} ${check.status === 'passed' ? check.name : s.bold(check.name)}`);
    if (check.status === 'passed' || check.status === 'skipped') continue;
    if (check.expected !== undefined && check.expected === check.received) {
      // An identity failure (toBe on two equal-looking objects): the value once, and what differs.
      if (check.message) lines.push(...indent(firstLine(check.message), '      '));
      lines.push(
        ...indent(`expected and received print the same: ${check.expected}`, '      '),
        s.dim('      (they are not the same value: the check compares identity, e.g. the same object instance)'),
      );
      continue;
    }
    if (check.message) lines.push(...indent(check.message, '      '));
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

const indent = (text: string, pad: string) => text.split('\n').map((line) => pad + line);

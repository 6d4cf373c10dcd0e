// Turns raw Vitest errors into learner-facing text: no ANSI colours, no absolute paths, and no
// stack frames except those in the learner's own files ("at src/domain/task/task.entity.ts:42:11").
import type { RawError } from './protocol.ts';

// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts the colour codes this strips.
const ANSI = /\u001b\[[0-9;]*m/g;
const MAX_MESSAGE = 2000;
const MAX_VALUE = 1500;

export interface MessageContext {
  /** Absolute workspace directory, stripped from paths. */
  workspace: string;
  /** Workspace-relative paths of the learner's files; only their frames are shown. */
  learnerFiles: ReadonlySet<string>;
}

export function clean(text: string, context: MessageContext, max = MAX_MESSAGE): string {
  let out = text.replace(ANSI, '');
  out = out.split(`${context.workspace}/`).join('').split(context.workspace).join('.');
  if (out.length > max) out = `${out.slice(0, max)}… (${out.length - max} more characters)`;
  return out.trim();
}

/** Frames in the learner's files, as "at path:line:column". */
export function learnerFrames(error: RawError, context: MessageContext): string[] {
  const frames: string[] = [];
  for (const frame of error.frames) {
    const path = relativeTo(frame.file, context.workspace);
    if (path && context.learnerFiles.has(path)) frames.push(`at ${path}:${frame.line}:${frame.column}`);
  }
  return [...new Set(frames)].slice(0, 5);
}

/** One error as the learner reads it: the message, then where in their code it happened. */
export function describeError(
  error: RawError,
  context: MessageContext,
): { message: string; expected?: string; received?: string } {
  const name = error.name && !['AssertionError', 'Error'].includes(error.name) ? `${error.name}: ` : '';
  const frames = learnerFrames(error, context);
  const message = clean(`${name}${error.message}${frames.length ? `\n${frames.join('\n')}` : ''}`, context);
  const result: { message: string; expected?: string; received?: string } = { message };
  if (error.expected !== undefined) result.expected = clean(error.expected, context, MAX_VALUE);
  if (error.actual !== undefined) result.received = clean(error.actual, context, MAX_VALUE);
  return result;
}

function relativeTo(file: string, workspace: string): string | undefined {
  const path = file.replace(/^file:\/\//, '');
  return path.startsWith(`${workspace}/`) ? path.slice(workspace.length + 1) : undefined;
}

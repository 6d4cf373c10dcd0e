// Reads GradeEvents from a stream of text lines. Shared by the local engine (HTTP body) and the
// WebContainer engine (process output), so both validate the same way.
import { gradeEventSchema, type CheckReport, type GradeEvent } from '../schemas/report.ts';
import { EngineError, throwIfAborted } from './engine.ts';

export interface ReadEventsOptions {
  signal?: AbortSignal | undefined;
  onEvent?: ((event: GradeEvent) => void) | undefined;
  /**
   * true: lines that are not JSON objects are ignored (a terminal also carries the grader's own
   * logs); false: any such line is a protocol error (an HTTP body carries nothing else).
   */
  lenient?: boolean;
  /**
   * The secret sent with the request (`grade --ndjson`): only lines `{"nonce": <it>, "event": …}`
   * are events. Threat: learner code printing a fake report to the same output.
   */
  nonce?: string | undefined;
}

/** One event line as `grade --ndjson` writes it when the request carried a nonce. */
export function sealEvent(nonce: string, event: GradeEvent): string {
  return JSON.stringify({ nonce, event });
}

/** Splits decoded text chunks into complete lines, keeping a partial last line for the next chunk. */
export function createLineSplitter(onLine: (line: string) => void): { push(chunk: string): void; end(): void } {
  let buffer = '';
  return {
    push(chunk) {
      buffer += chunk;
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        onLine(buffer.slice(0, newline).replace(/\r$/, ''));
        buffer = buffer.slice(newline + 1);
        newline = buffer.indexOf('\n');
      }
    },
    end() {
      if (buffer.length > 0) onLine(buffer.replace(/\r$/, ''));
      buffer = '';
    },
  };
}

// Terminal output may wrap lines in colour codes; the grader's JSON never contains ESC.
// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC is exactly what this strips.
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

/** Consumes `chunks` until a report event arrives; resolves with that report. */
export async function readGradeEvents(
  chunks: AsyncIterable<string>,
  options: ReadEventsOptions = {},
): Promise<CheckReport> {
  const { signal, onEvent, lenient = false, nonce } = options;
  let report: CheckReport | undefined;
  let problem: EngineError | undefined;
  const splitter = createLineSplitter((raw) => {
    if (problem || report) return;
    const line = (lenient ? raw.replace(ANSI, '') : raw).trim();
    if (line === '') return;
    if (!line.startsWith('{')) {
      if (!lenient)
        problem = new EngineError('protocol', `The grader sent a line that is not JSON: "${line.slice(0, 120)}"`);
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      if (!lenient) problem = new EngineError('protocol', `The grader sent malformed JSON: "${line.slice(0, 120)}"`);
      return;
    }
    if (nonce !== undefined) {
      const sealed = json as { nonce?: unknown; event?: unknown } | null;
      if (sealed?.nonce !== nonce) {
        if (!lenient)
          problem = new EngineError(
            'protocol',
            `The grader sent a line without this run's nonce: "${line.slice(0, 120)}"`,
          );
        return; // a terminal also carries other output, possibly forged: never an event
      }
      json = sealed.event;
    }
    const parsed = gradeEventSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      problem = new EngineError(
        'protocol',
        `The grader sent an event this page does not understand: field "${issue?.path.join('.') ?? ''}" ${issue?.message ?? ''}. Update the workbook (git pull) and restart npm start.`,
      );
      return;
    }
    onEvent?.(parsed.data);
    if (parsed.data.type === 'report') report = parsed.data.report;
  });
  for await (const chunk of chunks) {
    throwIfAborted(signal);
    splitter.push(chunk);
    if (problem) throw problem;
    if (report) return report;
  }
  splitter.end();
  throwIfAborted(signal);
  if (problem) throw problem;
  if (report) return report;
  throw new EngineError(
    'protocol',
    'The grader stopped before sending its report. Look at the terminal running `npm start` for the cause, then run the checks again.',
  );
}

/** Turns a byte stream into decoded text chunks. */
export async function* decodeText(stream: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield decoder.decode(value, { stream: true });
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  } finally {
    reader.releaseLock();
  }
}

/** Iterates a text ReadableStream (WebContainer process output). */
export async function* iterateText(stream: ReadableStream<string>): AsyncGenerator<string> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

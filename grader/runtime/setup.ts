// Loaded by Vitest in every grading worker before the checks. Caps what learner code can print:
// a flood of output must end as a clear error, not as a grader buried under megabytes of logs.
import { format } from 'node:util';
import { afterAll } from 'vitest';

const limit = Number(process.env['WORKBOOK_OUTPUT_LIMIT'] ?? 1_000_000);
let printed = 0;
let flooded = false;

const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table'] as const;
const target = console as unknown as Record<string, (...args: unknown[]) => void>;
for (const method of methods) {
  const original = target[method]?.bind(console);
  if (!original) continue;
  target[method] = (...args: unknown[]) => {
    if (flooded) return;
    printed += format(...args).length + 1;
    if (printed > limit) {
      flooded = true;
      return;
    }
    original(...args);
  };
}
for (const stream of [process.stdout, process.stderr]) {
  const original = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (flooded) return true;
    printed += typeof chunk === 'string' ? chunk.length : (chunk as Uint8Array).byteLength ?? 0;
    if (printed > limit) {
      flooded = true;
      return true;
    }
    return original(chunk, ...rest);
  }) as typeof stream.write;
}

afterAll(() => {
  if (flooded) {
    throw new Error(`WORKBOOK_OUTPUT_FLOOD: your code printed more than ${Math.round(limit / 1000)} kB of output`);
  }
});

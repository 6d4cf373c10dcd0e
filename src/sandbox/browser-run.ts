// One run in one fresh worker: posts the modules, streams checks, and always terminates the worker
// — when the run ends, at the time limit, or on Cancel. Resolves with what happened, unjudged.
import type { WorkerCheck, WorkerError, WorkerMessage, WorkerRunMessage } from './browser-protocol.ts';
import { EngineError } from './engine.ts';

/** The part of a Worker the engine uses (a fake in unit tests). */
export interface WorkerLike {
  postMessage(message: WorkerRunMessage, transfer: Transferable[]): void;
  terminate(): void;
  onerror: ((event: ErrorEvent) => void) | null;
}

export type RunOutcome =
  | { kind: 'done'; checks: WorkerCheck[]; errors: WorkerError[]; durationMs: number }
  | { kind: 'timeout'; streamed: WorkerCheck[]; running: string | undefined; durationMs: number }
  | { kind: 'flood'; streamed: WorkerCheck[]; durationMs: number };

/**
 * Threat: learner code in the worker posting a forged "all passed" message. The runner reports on a
 * private MessageChannel port handed over with the run (learner code never gets a reference to it,
 * and the worker binds its postMessage before importing any learner module); anything posted on the
 * worker's own channel is ignored.
 */
export function runInWorker(
  worker: WorkerLike,
  message: WorkerRunMessage,
  limitMs: number,
  signal: AbortSignal | undefined,
  onCheck?: (check: WorkerCheck) => void,
): Promise<RunOutcome> {
  const started = performance.now();
  const channel = new MessageChannel();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise<RunOutcome>((resolve, reject) => {
    const streamed: WorkerCheck[] = [];
    let running: string | undefined;
    const end = (outcome: () => void) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      channel.port1.onmessage = null;
      channel.port1.close();
      worker.onerror = null;
      worker.terminate();
      outcome();
    };
    const timer = setTimeout(
      () => end(() => resolve({ kind: 'timeout', streamed, running, durationMs: limitMs })),
      limitMs,
    );
    const onAbort = () =>
      end(() => reject(new EngineError('aborted', 'The run was cancelled.', { cause: signal?.reason })));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onerror = (event) => {
      event.preventDefault?.();
      end(() =>
        resolve({
          kind: 'done',
          checks: [],
          errors: [{ message: event.message || 'the grading worker failed to start' }],
          durationMs: elapsed(),
        }),
      );
    };
    channel.port1.onmessage = ({ data }: MessageEvent<WorkerMessage>) => {
      if (data.type === 'running') running = data.check;
      else if (data.type === 'check') {
        streamed.push(data.check);
        onCheck?.(data.check);
      } else if (data.type === 'flood') end(() => resolve({ kind: 'flood', streamed, durationMs: elapsed() }));
      else if (data.type === 'done')
        end(() => resolve({ kind: 'done', checks: data.checks, errors: data.errors, durationMs: elapsed() }));
    };
    worker.postMessage(message, [channel.port2]);
  });
}

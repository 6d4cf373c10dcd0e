import { describe, expect, it, vi } from 'vitest';
import { RetryError, backoffDelay, retry } from '../src/resilience/retry.js';

const failTimes = (n: number, value = 'ok') => {
  let calls = 0;
  return vi.fn(async (_attempt: number) => {
    calls += 1;
    if (calls <= n) throw new Error(`failure ${calls}`);
    return value;
  });
};
const recordingSleep = () => {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
};

describe('backoffDelay', () => {
  it('doubles from the base delay and caps at the maximum', () => {
    const o = { baseDelayMs: 100, maxDelayMs: 1_000, jitter: 'none' as const };
    expect([1, 2, 3, 4, 5, 10].map((n) => backoffDelay(n, o))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });

  it('applies full jitter by default, scaling the capped delay by random()', () => {
    expect(backoffDelay(3, { baseDelayMs: 100, maxDelayMs: 1_000, random: () => 0.25 })).toBe(100);
    expect(backoffDelay(8, { baseDelayMs: 100, maxDelayMs: 1_000, random: () => 0.5 })).toBe(500);
  });
});

describe('retry', () => {
  it('returns the first success, passing the attempt number, with a growing pause between attempts', async () => {
    const fn = failTimes(2);
    const { delays, sleep } = recordingSleep();
    expect(await retry(fn, { attempts: 5, baseDelayMs: 100, maxDelayMs: 1_000, jitter: 'none', sleep })).toBe('ok');
    expect(fn.mock.calls.map((c) => c[0])).toEqual([1, 2, 3]);
    expect(delays).toEqual([100, 200]);
  });

  it('gives up after the last attempt with RetryError carrying the attempts and the last error, without a final pause', async () => {
    const fn = failTimes(10);
    const { delays, sleep } = recordingSleep();
    const error = await retry(fn, { attempts: 3, baseDelayMs: 50, maxDelayMs: 1_000, jitter: 'none', sleep }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryError);
    expect(error).toMatchObject({ code: 'RETRY.EXHAUSTED', attempts: 3 });
    expect(((error as RetryError).cause as Error).message).toBe('failure 3');
    expect(fn).toHaveBeenCalledTimes(3);
    expect(delays).toEqual([50, 100]);
  });

  it('rethrows a permanent error at once, unchanged', async () => {
    const permanent = new TypeError('invalid e-mail address');
    const fn = vi.fn(async () => {
      throw permanent;
    });
    const { delays, sleep } = recordingSleep();
    const retryOn = vi.fn((e: unknown) => !(e instanceof TypeError));
    await expect(retry(fn, { attempts: 5, baseDelayMs: 10, maxDelayMs: 100, sleep, retryOn })).rejects.toBe(permanent);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(delays).toEqual([]);
    expect(retryOn).toHaveBeenCalledWith(permanent, 1);
  });

  it('caps the pauses at maxDelayMs even after many attempts', async () => {
    const { delays, sleep } = recordingSleep();
    await retry(failTimes(6), { attempts: 7, baseDelayMs: 100, maxDelayMs: 500, jitter: 'none', sleep });
    expect(delays).toEqual([100, 200, 400, 500, 500, 500]);
  });

  it('stops with the abort reason when the signal aborts during a pause, making no further attempt', async () => {
    const controller = new AbortController();
    const reason = new Error('worker shutting down');
    const fn = failTimes(10);
    const sleep = vi.fn(async (_ms: number, signal?: AbortSignal) => {
      controller.abort(reason);
      if (signal?.aborted) throw signal.reason;
    });
    await expect(retry(fn, { attempts: 5, baseDelayMs: 10, maxDelayMs: 100, sleep, signal: controller.signal })).rejects.toBe(reason);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('stops after a pause that ignored the signal: an abort during the pause means no further attempt', async () => {
    const controller = new AbortController();
    const reason = new Error('deploy in progress');
    const fn = failTimes(10);
    const sleep = async () => {
      controller.abort(reason); // this sleep does not look at the signal
    };
    await expect(retry(fn, { attempts: 5, baseDelayMs: 10, maxDelayMs: 100, sleep, signal: controller.signal })).rejects.toBe(reason);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('ends the default (real) pause at once when the signal aborts, instead of waiting it out', async () => {
    const controller = new AbortController();
    const reason = new Error('worker shutting down');
    const fn = failTimes(10);
    const started = Date.now();
    setTimeout(() => controller.abort(reason), 20);
    const outcome = await Promise.race([
      retry(fn, { attempts: 3, baseDelayMs: 60_000, maxDelayMs: 60_000, jitter: 'none', signal: controller.signal }).catch((e: unknown) => e),
      new Promise((r) => setTimeout(() => r('still sleeping'), 1_500)),
    ]);
    expect(outcome, 'the 60 s pause must end when the signal aborts').toBe(reason);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('rethrows a permanent error unchanged even on the last attempt (not RetryError)', async () => {
    const permanent = new TypeError('invalid e-mail address');
    let calls = 0;
    const fn = vi.fn(async () => {
      calls += 1;
      throw calls === 1 ? new Error('timeout') : permanent;
    });
    const { sleep } = recordingSleep();
    const retryOn = (e: unknown) => !(e instanceof TypeError);
    await expect(retry(fn, { attempts: 2, baseDelayMs: 10, maxDelayMs: 100, sleep, retryOn })).rejects.toBe(permanent);
  });

  it('uses the jitter and random() it is given for its pauses', async () => {
    const { delays, sleep } = recordingSleep();
    await retry(failTimes(2), { attempts: 3, baseDelayMs: 100, maxDelayMs: 1_000, random: () => 0.5, sleep });
    expect(delays, 'full jitter (the default) with random() = 0.5 halves each pause').toEqual([50, 100]);
  });

  it('makes no attempt when the signal is already aborted, and waits for real when no sleep is given', async () => {
    const fn = vi.fn(async () => 'never');
    await expect(retry(fn, { attempts: 3, baseDelayMs: 1, maxDelayMs: 1, signal: AbortSignal.abort(new Error('cancelled')) })).rejects.toThrow('cancelled');
    expect(fn).not.toHaveBeenCalled();
    expect(await retry(failTimes(1, 'after a real pause'), { attempts: 2, baseDelayMs: 5, maxDelayMs: 5, jitter: 'none' })).toBe('after a real pause');
  });
});

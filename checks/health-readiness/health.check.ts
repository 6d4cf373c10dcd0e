import { describe, expect, it } from 'vitest';
import { runHealthChecks, type HealthCheck } from '../src/observability/health.js';

const up = (name: string, critical?: boolean): HealthCheck => ({ name, ...(critical === undefined ? {} : { critical }), check: async () => 'pong' });
const down = (name: string, message: string, critical?: boolean): HealthCheck => ({
  name, ...(critical === undefined ? {} : { critical }), check: async () => { throw new Error(message); },
});
const hang = (name: string, seen: { signal?: AbortSignal }, critical?: boolean): HealthCheck => ({
  name, ...(critical === undefined ? {} : { critical }),
  check: (signal) => {
    seen.signal = signal;
    return new Promise(() => {});
  },
});
const withinTwoSeconds = <T>(p: Promise<T>) =>
  Promise.race([p, new Promise<'still waiting'>((r) => setTimeout(() => r('still waiting'), 2_000))]);

describe('runHealthChecks', () => {
  it('reports ok and 200 when every check is up, with a duration for each', async () => {
    const report = await runHealthChecks([up('database'), up('redis')], { timeoutMs: 500 });
    expect(report).toMatchObject({ status: 'ok', httpStatus: 200, checks: { database: { status: 'up' }, redis: { status: 'up' } } });
    for (const r of Object.values(report.checks)) expect(r.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('reports down and 503 when a critical check fails, with its error message', async () => {
    const report = await runHealthChecks([up('redis'), down('database', 'connection refused')], { timeoutMs: 500 });
    expect(report.status).toBe('down');
    expect(report.httpStatus).toBe(503);
    expect(report.checks['database']).toMatchObject({ status: 'down', error: 'connection refused' });
    expect(report.checks['redis']?.status).toBe('up');
  });

  it('reports degraded but 200 when only a non-critical check fails', async () => {
    const report = await runHealthChecks([up('database'), down('search', 'index offline', false)], { timeoutMs: 500 });
    expect(report).toMatchObject({ status: 'degraded', httpStatus: 200 });
    expect(report.checks['search']).toMatchObject({ status: 'down', error: 'index offline' });
  });

  it('marks a hung check down after the timeout, aborts its signal and does not wait for it', async () => {
    const seen: { signal?: AbortSignal } = {};
    const result = await withinTwoSeconds(runHealthChecks([up('database'), hang('queue', seen)], { timeoutMs: 50 }));
    expect(result, 'the report must come back even though one check never settles').not.toBe('still waiting');
    if (result === 'still waiting') return;
    expect(result.checks['queue']?.status).toBe('down');
    expect(result.checks['queue']?.error).toMatch(/time/i);
    expect(result.httpStatus).toBe(503);
    expect(seen.signal?.aborted, 'the hung check must be told to stop').toBe(true);
  });

  it('reports degraded, not down, when only a non-critical check times out (and still aborts it)', async () => {
    const seen: { signal?: AbortSignal } = {};
    const result = await withinTwoSeconds(runHealthChecks([up('database'), hang('search', seen, false)], { timeoutMs: 50 }));
    expect(result, 'the report must come back even though one check never settles').not.toBe('still waiting');
    if (result === 'still waiting') return;
    expect(result).toMatchObject({ status: 'degraded', httpStatus: 200 });
    expect(result.checks['search']?.status).toBe('down');
    expect(seen.signal).toBeInstanceOf(AbortSignal);
    expect(seen.signal?.aborted, 'the hung check must be told to stop').toBe(true);
  });

  it('treats a check that throws synchronously as down', async () => {
    const sync: HealthCheck = { name: 'config', check: () => { throw new Error('missing DATABASE_URL'); } };
    const report = await runHealthChecks([sync, up('redis')], { timeoutMs: 500 });
    expect(report.checks['config']).toMatchObject({ status: 'down', error: 'missing DATABASE_URL' });
    expect(report.checks['redis']?.status).toBe('up');
  });

  it('runs the checks concurrently', async () => {
    let inFlight = 0;
    let max = 0;
    const slow = (name: string): HealthCheck => ({
      name,
      check: async () => {
        max = Math.max(max, ++inFlight);
        await new Promise((r) => setTimeout(r, 20));
        inFlight--;
      },
    });
    await runHealthChecks([slow('a'), slow('b'), slow('c')], { timeoutMs: 500 });
    expect(max).toBe(3);
  });

  it('refuses two checks with the same name', async () => {
    await expect(runHealthChecks([up('redis'), up('redis')], { timeoutMs: 500 })).rejects.toThrow(/redis/);
  });
});

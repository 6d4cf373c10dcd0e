import { describe, expect, it } from 'vitest';
import { ShutdownCoordinator, ShuttingDownError, type Resource } from '../src/lifecycle/graceful-shutdown.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
function recorder() {
  const events: string[] = [];
  const resource = (name: string, fail = false): Resource => ({
    name,
    close: async () => {
      events.push(`close:${name}:start`);
      await sleep(5);
      events.push(`close:${name}:end`);
      if (fail) throw new Error(`${name} refused to close`);
    },
  });
  return { events, resource };
}

describe('ShutdownCoordinator', () => {
  it('runs tracked work and returns its result while the service is up', async () => {
    const lifecycle = new ShutdownCoordinator({ drainTimeoutMs: 500 });
    expect(await lifecycle.track(async () => 42)).toBe(42);
    expect(lifecycle.isShuttingDown).toBe(false);
  });

  it('closes resources newest first, one after another', async () => {
    const { events, resource } = recorder();
    const lifecycle = new ShutdownCoordinator({ drainTimeoutMs: 500 });
    lifecycle.register(resource('database'));
    lifecycle.register(resource('redis'));
    lifecycle.register(resource('http'));
    const report = await lifecycle.shutdown();
    expect(report.closed).toEqual(['http', 'redis', 'database']);
    expect(events).toEqual([
      'close:http:start', 'close:http:end', 'close:redis:start', 'close:redis:end', 'close:database:start', 'close:database:end',
    ]);
  });

  it('waits for in-flight work before closing anything', async () => {
    const { events, resource } = recorder();
    const lifecycle = new ShutdownCoordinator({ drainTimeoutMs: 1_000 });
    lifecycle.register(resource('database'));
    const request = lifecycle.track(async () => {
      await sleep(40);
      events.push('request:done');
      return 'ok';
    });
    const failingJob = lifecycle.track(async () => {
      await sleep(20);
      events.push('job:failed');
      throw new Error('job failed');
    }).catch(() => 'caught');
    const report = await lifecycle.shutdown();
    expect(await request).toBe('ok');
    expect(await failingJob).toBe('caught');
    expect(events).toEqual(['job:failed', 'request:done', 'close:database:start', 'close:database:end']);
    expect(report).toMatchObject({ drained: true, abandoned: 0 });
  });

  it('refuses new work with SERVICE.SHUTTING_DOWN once shutdown has begun, without running it', async () => {
    const lifecycle = new ShutdownCoordinator({ drainTimeoutMs: 500 });
    void lifecycle.track(() => sleep(30));
    const shutdown = lifecycle.shutdown();
    expect(lifecycle.isShuttingDown).toBe(true);
    let ran = false;
    const late = lifecycle.track(async () => {
      ran = true;
    });
    await expect(late).rejects.toBeInstanceOf(ShuttingDownError);
    await expect(lifecycle.track(async () => 1)).rejects.toMatchObject({ code: 'SERVICE.SHUTTING_DOWN' });
    expect(ran).toBe(false);
    await shutdown;
  });

  it('gives up draining after drainTimeoutMs, reports abandoned work and still closes resources', async () => {
    const { resource } = recorder();
    const lifecycle = new ShutdownCoordinator({ drainTimeoutMs: 50 });
    lifecycle.register(resource('database'));
    void lifecycle.track(() => new Promise(() => {}));
    void lifecycle.track(() => new Promise(() => {}));
    const report = await Promise.race([lifecycle.shutdown(), sleep(2_000).then(() => 'still waiting' as const)]);
    expect(report, 'shutdown must not wait forever for hung work').not.toBe('still waiting');
    expect(report).toEqual({ drained: false, abandoned: 2, closed: ['database'], failed: [] });
  });

  it('counts as abandoned only the work still running at the deadline (not work that finished before or during the drain)', async () => {
    const lifecycle = new ShutdownCoordinator({ drainTimeoutMs: 60 });
    expect(await lifecycle.track(async () => 'finished before')).toBe('finished before');
    void lifecycle.track(() => sleep(10));
    void lifecycle.track(() => new Promise(() => {}));
    const report = await lifecycle.shutdown();
    expect(report).toMatchObject({ drained: false, abandoned: 1 });
  });

  it('keeps closing the other resources when one close() fails, and reports the failure', async () => {
    const { resource } = recorder();
    const lifecycle = new ShutdownCoordinator({ drainTimeoutMs: 500 });
    lifecycle.register(resource('database'));
    lifecycle.register(resource('queue', true));
    lifecycle.register(resource('http'));
    const report = await lifecycle.shutdown();
    expect(report.closed).toEqual(['http', 'database']);
    expect(report.failed).toEqual([{ name: 'queue', error: 'queue refused to close' }]);
  });

  it('is idempotent: a second shutdown() returns the same report and closes nothing twice', async () => {
    const { events, resource } = recorder();
    const lifecycle = new ShutdownCoordinator({ drainTimeoutMs: 500 });
    lifecycle.register(resource('database'));
    const [a, b] = await Promise.all([lifecycle.shutdown(), lifecycle.shutdown()]);
    const c = await lifecycle.shutdown();
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(events.filter((e) => e === 'close:database:start')).toHaveLength(1);
  });
});

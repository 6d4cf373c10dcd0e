import { describe, expect, it } from 'vitest';
import type { Engine } from './engine.ts';
import { selectEngine } from './select.ts';

const engine = (name: Engine['name']): Engine => ({
  name,
  label: name,
  grade: () => Promise.reject(new Error('not used')),
});
const factories = {
  local: () => engine('local'),
  browser: () => engine('browser'),
  webcontainer: () => engine('webcontainer'),
};
const notCapable = { capable: false as const, reasons: ['needs: redis'] };

describe('selectEngine', () => {
  it('prefers the local server when it answers', async () => {
    const chosen = await selectEngine(
      { probeLocal: async () => true, browser: { capable: true }, crossOriginIsolated: true, online: true },
      factories,
    );
    expect(chosen.engine?.name).toBe('local');
  });

  it('falls back to the WebContainer when isolated and online', async () => {
    const chosen = await selectEngine(
      { probeLocal: async () => false, browser: notCapable, crossOriginIsolated: true, online: true },
      factories,
    );
    expect(chosen.engine?.name).toBe('webcontainer');
    expect(chosen.reason).toContain('StackBlitz');
  });

  it('reports a local server that answers but cannot grade, instead of falling back', async () => {
    const chosen = await selectEngine(
      {
        probeLocal: async () => 'The local grader cannot run checks: the exercise catalog is invalid',
        browser: { capable: true },
        crossOriginIsolated: true,
        online: true,
      },
      factories,
    );
    expect(chosen.engine).toBeNull();
    expect(chosen.reason).toContain('catalog is invalid');
  });

  it('chooses none, with the reason, when isolated but offline or not isolated', async () => {
    const offline = await selectEngine(
      { probeLocal: async () => false, browser: notCapable, crossOriginIsolated: true, online: false },
      factories,
    );
    expect(offline.engine).toBeNull();
    expect(offline.reason).toContain('offline');
    const notIsolated = await selectEngine(
      { probeLocal: async () => false, browser: notCapable, crossOriginIsolated: false, online: true },
      factories,
    );
    expect(notIsolated.engine).toBeNull();
    expect(notIsolated.reason).toContain('cross-origin isolated');
    expect(notIsolated.reason).toContain('needs: redis');
  });

  it('uses the browser engine for a capable exercise when no local server answers, offline and not isolated too', async () => {
    const chosen = await selectEngine(
      { probeLocal: async () => false, browser: { capable: true }, crossOriginIsolated: false, online: false },
      factories,
    );
    expect(chosen.engine?.name).toBe('browser');
    expect(chosen.reason).toContain('Web Worker');
  });
});

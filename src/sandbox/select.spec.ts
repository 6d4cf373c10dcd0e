import { describe, expect, it } from 'vitest';
import type { Engine } from './engine.ts';
import { selectEngine } from './select.ts';

const engine = (name: Engine['name']): Engine => ({ name, label: name, grade: () => Promise.reject(new Error('not used')) });
const factories = { local: () => engine('local'), webcontainer: () => engine('webcontainer') };

describe('selectEngine', () => {
  it('prefers the local server when it answers', async () => {
    const chosen = await selectEngine({ probeLocal: async () => true, crossOriginIsolated: true, online: true }, factories);
    expect(chosen.engine?.name).toBe('local');
  });

  it('falls back to the WebContainer when isolated and online', async () => {
    const chosen = await selectEngine({ probeLocal: async () => false, crossOriginIsolated: true, online: true }, factories);
    expect(chosen.engine?.name).toBe('webcontainer');
    expect(chosen.reason).toContain('StackBlitz');
  });

  it('reports a local server that answers but cannot grade, instead of falling back', async () => {
    const chosen = await selectEngine({ probeLocal: async () => 'The local grader cannot run checks: the exercise catalog is invalid', crossOriginIsolated: true, online: true }, factories);
    expect(chosen.engine).toBeNull();
    expect(chosen.reason).toContain('catalog is invalid');
  });

  it('chooses none, with the reason, when isolated but offline or not isolated', async () => {
    const offline = await selectEngine({ probeLocal: async () => false, crossOriginIsolated: true, online: false }, factories);
    expect(offline.engine).toBeNull();
    expect(offline.reason).toContain('offline');
    const notIsolated = await selectEngine({ probeLocal: async () => false, crossOriginIsolated: false, online: true }, factories);
    expect(notIsolated.engine).toBeNull();
    expect(notIsolated.reason).toContain('cross-origin isolated');
  });
});

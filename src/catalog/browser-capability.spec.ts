import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserCapability, exerciseGraph, findCycle, packageName, resolveWorkspace } from './browser-capability.ts';
import { loadExercise } from './load.ts';

const root = resolve(import.meta.dirname, '../..');

describe('browser capability', () => {
  it('a pure domain exercise is capable and its graph holds the checks, the learner file and the service modules', async () => {
    const exercise = loadExercise(root, 'task-entity-complete');
    const graph = await exerciseGraph(root, exercise, exercise.solution);
    expect(graph.entries).toEqual(['__checks__/complete.check.ts']);
    expect(graph.modules).toEqual(
      expect.arrayContaining([
        '__checks__/complete.check.ts',
        'src/domain/task/task.entity.ts',
        'src/domain/shared/domain-error.ts',
      ]),
    );
    expect(graph.packages).toEqual(['vitest']);
    expect((await browserCapability(root, exercise)).capability).toEqual({ capable: true });
  });

  it('a tdd exercise stays with the grader: two graded stages', async () => {
    const fixtures = resolve(import.meta.dirname, '../../grader/fixtures/engine-root');
    const { capability } = await browserCapability(fixtures, loadExercise(fixtures, 'clamp-first'));
    expect(capability).toEqual({ capable: false, reasons: ['needs: two-stage grading'] });
  });

  it('an exercise that needs Redis is not capable and says so', async () => {
    const { capability } = await browserCapability(root, loadExercise(root, 'two-level-cache'));
    expect(capability.capable).toBe(false);
    expect(capability.capable ? [] : capability.reasons).toEqual(
      expect.arrayContaining(['needs: redis', 'needs: ioredis']),
    );
  });

  it('a Node built-in is named as such', async () => {
    const { capability } = await browserCapability(root, loadExercise(root, 'https-redirect-trusted-proxy'));
    expect(capability.capable ? [] : capability.reasons).toContain('node:tls');
  });

  const reasonsOf = async (id: string) => {
    const { capability } = await browserCapability(root, loadExercise(root, id));
    return capability.capable ? [] : capability.reasons;
  };

  it('global fetch (the worker has no network) is named; a method called fetch and text are not', async () => {
    expect(await reasonsOf('structured-request-logging')).toEqual(['needs: network (fetch)']);
    expect(await reasonsOf('batched-user-loader')).toEqual([]);
    // Its checks hold a Dockerfile line `node -e "process.exit(0)"`: text, not a use of process.
    expect(await reasonsOf('dockerfile-lint')).toEqual([]);
  });

  it('vi.mock of a shipped package with a factory is supported; other mock forms are named', async () => {
    expect(await reasonsOf('presigned-upload-url')).toEqual([]);
    expect(await reasonsOf('tdd-webhook-signature')).toEqual([]);
    expect(await reasonsOf('csrf-and-security-headers')).toEqual(
      expect.arrayContaining(['vi.hoisted not supported', 'vi.mock (in one of several test files) not supported']),
    );
  });

  it('finds cycles, resolves .js to .ts and names packages', () => {
    expect(findCycle({ a: ['b'], b: ['c'], c: ['a'] })).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle({ a: ['b', 'c'], b: ['c'], c: [] })).toBeUndefined();
    expect(resolveWorkspace('__checks__/x.check.ts', '../src/a.js', (p) => p === 'src/a.ts')).toBe('src/a.ts');
    expect(resolveWorkspace('src/a.ts', './dir', (p) => p === 'src/dir/index.ts')).toBe('src/dir/index.ts');
    expect(resolveWorkspace('src/a.ts', '../../x.js', () => true)).toBeUndefined();
    expect(packageName('@nestjs/common/decorators')).toBe('@nestjs/common');
    expect(packageName('node:fs/promises')).toBe('node:fs');
    expect(packageName('zod/v4')).toBe('zod');
  });
});

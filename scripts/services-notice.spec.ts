import { describe, expect, it } from 'vitest';
import { servicesNotice } from './services-notice.ts';

const list = [
  { id: 'cache-aside-get-task', needs: ['redis' as const] },
  { id: 'task-entity-complete', needs: [] },
  { id: 'prisma-task-repository', needs: ['db' as const] },
];

describe('servicesNotice', () => {
  it('names the exercises that need a missing Redis and how to start it', () => {
    const text = servicesNotice(
      list,
      'These checks need Redis, but nothing answered at redis://127.0.0.1:6379 (ECONNREFUSED). Start one with `redis-server …`.',
    );
    expect(text).toContain('the 1 exercise(s) that need it cannot be checked yet (cache-aside-get-task)');
    expect(text).toContain('Redis: nothing answered at redis://127.0.0.1:6379');
    expect(text).not.toContain('prisma-task-repository'); // PGlite is built in
  });

  it('says nothing when Redis answers', () => {
    expect(servicesNotice(list, undefined)).toBeUndefined();
  });
});

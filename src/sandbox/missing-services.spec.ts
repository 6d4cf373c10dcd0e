import { describe, expect, it } from 'vitest';
import { servicesNotice } from '../../scripts/services-notice.ts';
import { catalogServicesNotice, exerciseServicesNotice } from './missing-services.ts';

const problem =
  'These checks need Redis, but nothing answered at redis://127.0.0.1:1 (ECONNREFUSED). Start one with `redis-server --daemonize yes`, or set REDIS_URL to a Redis that runs, then run the checks again.';

describe('exerciseServicesNotice', () => {
  it('tells an exercise that needs a missing Redis what is missing and the command that starts it', () => {
    const notice = exerciseServicesNotice(['redis'], { redis: problem });
    expect(notice).toMatch(/^Redis is not running, so this exercise's checks cannot run here yet/);
    expect(notice).toContain(
      'Redis: nothing answered at redis://127.0.0.1:1 (ECONNREFUSED). Start one with `redis-server',
    );
  });

  it('says nothing to an exercise that does not need what is missing, or when nothing is', () => {
    expect(exerciseServicesNotice([], { redis: problem })).toBeUndefined();
    expect(exerciseServicesNotice(['db'], { redis: problem })).toBeUndefined();
    expect(exerciseServicesNotice(['redis'], {})).toBeUndefined();
    expect(exerciseServicesNotice(['redis'], undefined)).toBeUndefined();
  });

  it('uses the same words as the terminal notice of npm start', () => {
    const page = exerciseServicesNotice(['redis'], { redis: problem }) ?? '';
    const terminal = servicesNotice([{ id: 'cache-aside-get-task', needs: ['redis'] }], problem) ?? '';
    const fix = page.slice(page.indexOf('Redis: '));
    expect(terminal.endsWith(fix)).toBe(true);
    expect(terminal).toContain('Redis is not running');
  });

  it('on the catalog, names the badge of the exercises that cannot be checked', () => {
    expect(catalogServicesNotice({ redis: problem })).toMatch(
      /^Redis is not running, so the exercises marked “needs Redis”/,
    );
    expect(catalogServicesNotice({})).toBeUndefined();
  });
});

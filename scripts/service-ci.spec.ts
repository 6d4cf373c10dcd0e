// The service's CI pipeline (.github/workflows/service.yml) is a file the chapters point interns
// at: this keeps it honest. It must run the steps week 8 lists, in order, against PostgreSQL and
// Redis started as health-checked services, and every npm script it names must exist.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..');
const workflow = parse(readFileSync(join(root, '.github/workflows/service.yml'), 'utf8'));
const serviceScripts = Object.keys(JSON.parse(readFileSync(join(root, 'service/package.json'), 'utf8')).scripts);
const job = workflow.jobs.test;
const runs: string[] = job.steps.map((step: { run?: string }) => step.run ?? '');

describe('.github/workflows/service.yml', () => {
  it('runs on pushes and pull requests that touch the service', () => {
    expect(workflow.on.push.paths).toContain('service/**');
    expect(workflow.on.pull_request.paths).toContain('service/**');
  });

  it('starts PostgreSQL and Redis as services and waits for their health checks', () => {
    expect(job.services.postgres.image).toMatch(/^postgres:\d+/);
    expect(job.services.postgres.options).toContain('--health-cmd "pg_isready');
    expect(job.services.redis.image).toMatch(/^redis:\d+/);
    expect(job.services.redis.options).toContain('--health-cmd "redis-cli ping"');
    expect(job.env.SERVICE_TEST_POSTGRES_URL).toMatch(/^postgres:\/\/.*127\.0\.0\.1:5432/);
    expect(job.env.SERVICE_TEST_REDIS_URL).toBe('redis://127.0.0.1:6379');
  });

  it('installs the locked dependencies, type-checks, migrates, then tests, in that order', () => {
    const at = (pattern: RegExp) => runs.findIndex((run) => pattern.test(run));
    const order = [
      /^npm ci$/,
      /npm run typecheck -w service/,
      /npm run migrate -w service/,
      /npm run test -w service/,
    ].map(at);
    expect(
      order.every((i) => i >= 0),
      `steps found at ${order.join(', ')}`,
    ).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('names only npm scripts the service has', () => {
    const named = runs.flatMap((run) => [...run.matchAll(/npm run ([\w:-]+) -w service/g)].map((m) => m[1]));
    expect(named.length).toBeGreaterThanOrEqual(4);
    for (const script of named)
      expect(serviceScripts, `service/package.json has no "${script}" script`).toContain(script);
  });

  it('pins the Node version the workbook needs and reads nothing it does not need', () => {
    const setup = job.steps.find((step: { uses?: string }) => step.uses?.startsWith('actions/setup-node'));
    expect(setup.with['node-version']).toBeGreaterThanOrEqual(22);
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });
});

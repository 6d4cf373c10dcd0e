import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { http, signUp, startServiceOnPostgres, type RunningService, type TestUser } from './fixtures/e2e.js';

// GET /metrics over real HTTP: what a Prometheus scrape of the running service returns.
let service: RunningService;
let alice: TestUser;

beforeAll(async () => {
  service = await startServiceOnPostgres('metrics');
  alice = await signUp(service, 'alice');
});
afterAll(() => service?.close());

/** Every line of a scrape, checked against the text format: comments, or `name{labels} value`. */
function parseScrape(text: string): Map<string, number> {
  expect(text.endsWith('\n')).toBe(true);
  const samples = new Map<string, number>();
  for (const line of text.slice(0, -1).split('\n')) {
    if (line.startsWith('# HELP ') || line.startsWith('# TYPE ')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*\})?) (\S+)$/.exec(line);
    expect(match, `not a valid exposition line: ${line}`).not.toBeNull();
    samples.set(match![1]!, Number(match![2]));
  }
  return samples;
}

async function scrape() {
  const response = await fetch(`${service.url}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  const text = await response.text();
  return { text, samples: parseScrape(text) };
}

describe('GET /metrics', () => {
  it('counts requests by method, route pattern and status, including 401s and unmatched paths', async () => {
    const missing = randomUUID();
    expect((await http(service.url, 'GET', `/tasks/${missing}`, { token: alice.token })).status).toBe(404);
    expect((await http(service.url, 'GET', `/tasks/${randomUUID()}`, { token: alice.token })).status).toBe(404);
    expect((await http(service.url, 'GET', '/tasks')).status).toBe(401);
    expect((await http(service.url, 'GET', '/no/such/path')).status).toBe(404);

    const { text, samples } = await scrape();
    expect(text).toContain('# TYPE http_requests_total counter');
    expect(samples.get('http_requests_total{method="GET",route="/tasks/:id",status="404"}')).toBe(2);
    expect(samples.get('http_requests_total{method="GET",route="/tasks",status="401"}')).toBe(1);
    expect(samples.get('http_requests_total{method="GET",route="unmatched",status="404"}')).toBe(1);
    expect(samples.get('http_requests_total{method="POST",route="/auth/login",status="200"}')).toBe(1);
    // Route patterns, never raw paths: a task id in a label would make one series per task.
    expect(text).not.toContain(missing);
  });

  it('exposes request durations as a cumulative histogram whose +Inf bucket equals the count', async () => {
    for (let i = 0; i < 3; i += 1) expect((await http(service.url, 'GET', '/health')).status).toBe(200);
    const { text, samples } = await scrape();
    expect(text).toContain('# TYPE http_request_duration_seconds histogram');
    const series = 'method="GET",route="/health"';
    const count = samples.get(`http_request_duration_seconds_count{${series}}`);
    expect(count).toBe(3);
    expect(samples.get(`http_request_duration_seconds_bucket{${series},le="+Inf"}`)).toBe(count);
    const buckets = [...samples].filter(([key]) => key.startsWith(`http_request_duration_seconds_bucket{${series},le=`));
    expect(buckets.length).toBe(11);
    const values = buckets.map(([, value]) => value);
    expect([...values].sort((a, b) => a - b), 'cumulative: never decreasing').toEqual(values);
    expect(samples.get(`http_request_duration_seconds_sum{${series}}`)).toBeGreaterThan(0);
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// The deployment files (Dockerfile, compose.yaml, deploy/Caddyfile) cannot be built or started on
// every machine that runs these tests, so this spec reads them and holds them to what week 11
// teaches: small unprivileged image, health checks, start-up order, migrations as their own step,
// TLS at the proxy, metrics not exposed to the internet, secrets only from the environment.
const root = join(import.meta.dirname, '..');
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
const compose = parse(readFileSync(join(root, 'compose.yaml'), 'utf8'));
const caddyfile = readFileSync(join(root, 'deploy/Caddyfile'), 'utf8');

/** Dockerfile instructions with continuation lines joined and comments dropped. */
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));
const finalStage = instructions.slice(instructions.findLastIndex((line) => line.startsWith('FROM ')));

describe('Dockerfile', () => {
  it('builds in two stages from a pinned base image and ships only production dependencies', () => {
    const froms = instructions.filter((line) => line.startsWith('FROM '));
    expect(froms).toHaveLength(2);
    for (const from of froms) expect(from).toMatch(/^FROM node:\d+\.\d+\.\d+-\S+/);
    expect(finalStage.some((line) => /npm ci .*--omit=dev/.test(line))).toBe(true);
    expect(instructions.some((line) => /npm install\b|npm i\b/.test(line))).toBe(false);
    expect(finalStage).toContain('COPY --from=build /app/service/dist service/dist');
  });

  it('copies the manifests and installs before copying the sources (a cached dependency layer)', () => {
    const install = instructions.findIndex((line) => line.startsWith('RUN npm ci'));
    const sources = instructions.indexOf('COPY service/ service/');
    expect(install).toBeGreaterThan(instructions.indexOf('COPY package.json package-lock.json ./'));
    expect(sources).toBeGreaterThan(install);
  });

  it('runs as an unprivileged user, with a health check and node as PID 1', () => {
    expect(finalStage).toContain('USER node');
    expect(finalStage.find((line) => line.startsWith('HEALTHCHECK'))).toMatch(/127\.0\.0\.1:3000\/health/);
    expect(finalStage.at(-1)).toBe('CMD ["node", "dist/src/main.js"]');
    expect(finalStage).toContain('ENV HOST=0.0.0.0 PORT=3000');
  });

  it('starts files the build produces (src/*.ts compiles to dist/src/*.js)', () => {
    const started = [...dockerfile.matchAll(/"dist\/(src\/[\w-]+)\.js"/g), ...JSON.stringify(compose).matchAll(/dist\/(src\/[\w-]+)\.js/g)];
    expect(started.length).toBeGreaterThanOrEqual(2);
    for (const [, file] of started) expect(existsSync(join(root, `${file}.ts`)), `${file}.ts`).toBe(true);
  });

  it('keeps the build context small (Dockerfile.dockerignore)', () => {
    const ignore = readFileSync(join(root, 'Dockerfile.dockerignore'), 'utf8');
    for (const entry of ['**/node_modules', '**/dist', '**/.git', '.env']) expect(ignore).toContain(entry);
  });
});

describe('compose.yaml', () => {
  const services = compose.services;

  it('runs PostgreSQL and Redis with health checks', () => {
    expect(services.postgres.healthcheck.test.join(' ')).toContain('pg_isready');
    expect(services.redis.healthcheck.test).toEqual(['CMD', 'redis-cli', 'ping']);
  });

  it('starts in order: healthy stores, then the migration to completion, then the api, then the proxy', () => {
    expect(services.migrate.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(services.migrate.command).toEqual(['node', 'dist/src/migrate.js']);
    expect(services.api.depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
      migrate: { condition: 'service_completed_successfully' },
    });
    expect(services.proxy.depends_on).toEqual({ api: { condition: 'service_healthy' } });
  });

  it('publishes only the proxy; the api trusts exactly that one proxy', () => {
    const published = Object.entries(services)
      .filter(([, service]) => (service as { ports?: unknown }).ports)
      .map(([name]) => name);
    expect(published).toEqual(['proxy']);
    expect(services.proxy.ports).toEqual(['80:80', '443:443']);
    expect(services.api.environment.TRUST_PROXY).toBe('1');
    expect(services.api.environment.NODE_ENV).toBe('production');
  });

  it('takes secrets from the environment and refuses to start without them', () => {
    expect(services.postgres.environment.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?.+\}$/);
    expect(services.api.environment.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?.+\}$/);
    expect(JSON.stringify(compose)).not.toMatch(/password@|secret=/i);
  });
});

describe('deploy/Caddyfile (TLS termination)', () => {
  it('proxies to the api and keeps /metrics off the internet', () => {
    expect(caddyfile).toMatch(/reverse_proxy api:3000/);
    expect(caddyfile).toMatch(/@internal path \/metrics/);
    expect(caddyfile).toMatch(/respond @internal 404/);
    expect(caddyfile).toMatch(/Strict-Transport-Security/);
  });
});

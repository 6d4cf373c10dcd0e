import { describe, expect, it } from 'vitest';
import { lintDockerfile } from '../src/ops/dockerfile-lint.js';

const found = (text: string) => lintDockerfile(text).map((f) => [f.rule, f.line]);
const good = [
  'FROM node:24.11.1-slim AS build', // 1
  'WORKDIR /app', // 2
  'COPY package.json package-lock.json ./', // 3
  'RUN npm ci', // 4
  'COPY . .', // 5
  'RUN npm run build', // 6
  'FROM node:24.11.1-slim', // 7
  'COPY --from=build /app/dist dist', // 8
  'USER node', // 9
  'HEALTHCHECK CMD node -e "process.exit(0)"', // 10
  'CMD ["node", "dist/main.js"]', // 11
];
const withFinal = (...lines: string[]) => [...lines, 'USER node', 'HEALTHCHECK CMD true'].join('\n');

describe('lintDockerfile', () => {
  it('a Dockerfile following every rule has no findings, and an empty file none', () => {
    expect(lintDockerfile(good.join('\n'))).toEqual([]);
    expect(lintDockerfile('')).toEqual([]);
  });

  it('flags a base image without a tag or with latest, on the FROM line', () => {
    expect(found(withFinal('FROM node'))).toEqual([['UNPINNED_BASE', 1]]);
    expect(found(withFinal('FROM node:latest'))).toEqual([['UNPINNED_BASE', 1]]);
    expect(found(withFinal('FROM --platform=linux/amd64 node:latest AS base'))).toEqual([['UNPINNED_BASE', 1]]);
    expect(found(withFinal('FROM registry.example.com:5000/team/node'))).toEqual([['UNPINNED_BASE', 1]]);
  });

  it('accepts digests, scratch and earlier stages as base images', () => {
    expect(found(withFinal('FROM node@sha256:0123456789abcdef'))).toEqual([]);
    expect(found(withFinal('FROM scratch'))).toEqual([]);
    expect(found(withFinal('FROM node:24.11.1-slim AS deps', 'FROM deps AS build', 'FROM build'))).toEqual([]);
    expect(found(withFinal('FROM registry.example.com:5000/team/node:24.1'))).toEqual([]);
  });

  it('flags npm install and npm i in RUN', () => {
    expect(found(withFinal('FROM node:24.1', 'RUN npm install'))).toEqual([['NPM_INSTALL', 2]]);
    expect(found(withFinal('FROM node:24.1', 'RUN apt-get update && npm i --omit=dev'))).toEqual([['NPM_INSTALL', 2]]);
    expect(found(withFinal('FROM node:24.1', 'RUN npm ci && npm run build'))).toEqual([]);
  });

  it('flags COPY . before npm ci in the same stage, and only then', () => {
    expect(found(withFinal('FROM node:24.1', 'COPY . .', 'RUN npm ci'))).toEqual([['COPY_BEFORE_INSTALL', 2]]);
    expect(found(withFinal('FROM node:24.1', 'COPY package*.json ./', 'RUN npm ci', 'COPY . .'))).toEqual([]);
    expect(found(withFinal('FROM node:24.1 AS a', 'COPY . .', 'FROM node:24.1', 'RUN npm ci')), 'npm ci in a later stage').toEqual([]);
  });

  it('flags ENV and ARG that declare a secret, in any case and any form', () => {
    expect(found(withFinal('FROM node:24.1', 'ENV JWT_SECRET=abc'))).toEqual([['SECRET_IN_ENV', 2]]);
    expect(found(withFinal('FROM node:24.1', 'ENV NODE_ENV=production db_password=x'))).toEqual([['SECRET_IN_ENV', 2]]);
    expect(found(withFinal('FROM node:24.1', 'ENV GITHUB_TOKEN abc'))).toEqual([['SECRET_IN_ENV', 2]]);
    expect(found(withFinal('FROM node:24.1', 'ARG NPM_TOKEN'))).toEqual([['SECRET_IN_ENV', 2]]);
    expect(found(withFinal('FROM node:24.1', 'ARG Stripe_Api_Key=x'))).toEqual([['SECRET_IN_ENV', 2]]);
    expect(found(withFinal('FROM node:24.1', 'ENV NODE_ENV=production PORT=3000'))).toEqual([]);
  });

  it('flags a final stage without USER, or whose last USER is root or 0, on its FROM line', () => {
    expect(found('FROM node:24.1\nHEALTHCHECK CMD true')).toEqual([['RUNS_AS_ROOT', 1]]);
    expect(found('FROM node:24.1\nUSER node\nUSER root\nHEALTHCHECK CMD true')).toEqual([['RUNS_AS_ROOT', 1]]);
    expect(found('FROM node:24.1\nUSER 0:0\nHEALTHCHECK CMD true')).toEqual([['RUNS_AS_ROOT', 1]]);
    expect(found('FROM node:24.1\nUSER root\nRUN id\nUSER 1000:1000\nHEALTHCHECK CMD true')).toEqual([]);
  });

  it('only the final stage decides the user and the health check', () => {
    const build = 'FROM node:24.1 AS build\nUSER node\nHEALTHCHECK CMD true\n';
    expect(found(`${build}FROM node:24.1\nCMD ["node"]`)).toEqual([
      ['RUNS_AS_ROOT', 4],
      ['NO_HEALTHCHECK', 4],
    ]);
  });

  it('flags a final stage without HEALTHCHECK or with HEALTHCHECK NONE', () => {
    expect(found('FROM node:24.1\nUSER node')).toEqual([['NO_HEALTHCHECK', 1]]);
    expect(found('FROM node:24.1\nUSER node\nHEALTHCHECK CMD true\nHEALTHCHECK NONE')).toEqual([['NO_HEALTHCHECK', 1]]);
  });

  it('joins continuation lines, reports the line an instruction starts on, and skips comments', () => {
    const text = [
      '# syntax=docker/dockerfile:1', // 1
      'from node:24.1', // 2
      '', // 3
      'RUN apt-get update \\', // 4
      '  # a comment between continuation lines', // 5
      '  && npm install', // 6
      '# RUN npm install', // 7
      'env API_TOKEN=x', // 8
      'user node', // 9
      'healthcheck CMD true', // 10
    ].join('\n');
    expect(found(text)).toEqual([
      ['NPM_INSTALL', 4],
      ['SECRET_IN_ENV', 8],
    ]);
  });

  it('orders findings by line, same line in table order, each with a message', () => {
    const findings = lintDockerfile(['FROM node', 'ENV SECRET_KEY=x', 'RUN npm install'].join('\n'));
    expect(findings.map((f) => [f.rule, f.line])).toEqual([
      ['UNPINNED_BASE', 1],
      ['RUNS_AS_ROOT', 1],
      ['NO_HEALTHCHECK', 1],
      ['SECRET_IN_ENV', 2],
      ['NPM_INSTALL', 3],
    ]);
    for (const finding of findings) expect(finding.message.length).toBeGreaterThan(5);
  });
});

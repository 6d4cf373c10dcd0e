// End-to-end tests against the real workbook server (scripts/start.ts) in Debian's Chromium.
// Run `npm run build` first (npm test does); the server then serves dist/ as it is.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const port = Number(process.env['E2E_PORT'] ?? 4390);
const dist = path.resolve(import.meta.dirname, process.env['WORKBOOK_DIST'] ?? 'dist');
const results = process.env['WORKBOOK_RESULTS'];

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: 'tests/e2e',
  workers: 2,
  // Files run in parallel; tests inside a file keep their order (some specs build on shared state).
  fullyParallel: false,
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  timeout: 60_000,
  // Per port, so parallel runs on other ports never delete each other's traces.
  outputDir: `test-results/e2e-${port}`,
  reporter: [['list'], ['json', { outputFile: results ? path.join(results, 'e2e.json') : 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
  webServer: {
    // With a build present, serve it unchanged; otherwise start.ts builds first.
    command: existsSync(path.join(dist, 'index.html')) ? 'node scripts/start.ts --no-build' : 'node scripts/start.ts',
    url: `http://127.0.0.1:${port}/`,
    env: { HOST: '127.0.0.1', PORT: String(port) },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
  },
});

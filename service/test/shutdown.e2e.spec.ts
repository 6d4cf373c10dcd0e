import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TEST_JWT_SECRET } from './fixtures/e2e.js';

const serviceDir = fileURLToPath(new URL('..', import.meta.url));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the service process (npm run service)', () => {
  it('starts with the embedded defaults, answers, and drains and exits on SIGTERM', async () => {
    const port = await freePort();
    // The same command as `npm start`, run by the Node that runs this test.
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: serviceDir,
      env: { ...process.env, PORT: String(port), NODE_ENV: 'development', JWT_SECRET: TEST_JWT_SECRET, BCRYPT_COST: '4' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await expect.poll(() => output, { timeout: 90_000, interval: 200 }).toContain('Listening on');
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect(health.status).toBe(200);

      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code, signal] = await exited;
      expect(output).toContain('Queue drained, connections closed.');
      // Nest re-raises the signal after closing, so the process ends "killed by SIGTERM" (or 0).
      expect(code === 0 || signal === 'SIGTERM', `exit code ${code}, signal ${signal}\n${output}`).toBe(true);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 120_000);

  it('refuses to start in production without JWT_SECRET, saying why', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: serviceDir,
      env: { ...process.env, NODE_ENV: 'production', JWT_SECRET: '', PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(output).toMatch(/JWT_SECRET/);
  }, 60_000);
});

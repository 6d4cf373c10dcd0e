// A trusted spec that loads packages (Nest, Prisma, BullMQ…) into a kept worker before any learner
// code runs there: they stay loaded across runs (see persistent-pool.ts), so no learner's clock
// pays for them.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The packages a service (its package.json) runs on, and those its checks use. */
export function servicePackages(serviceDir: string): string[] {
  const manifest = join(serviceDir, 'package.json');
  const pkg = existsSync(manifest)
    ? (JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies?: Record<string, string> })
    : {};
  return [...Object.keys(pkg.dependencies ?? {}), '@nestjs/testing', 'supertest', 'socket.io-client'];
}

/** The warm-up spec's source: imports each package (a missing one is skipped). */
export function warmUpSpec(packages: string[]): string {
  return `import { it } from 'vitest';\nit('warms the worker', async () => {\n  for (const name of ${JSON.stringify(packages)}) await import(/* @vite-ignore */ name).catch(() => undefined);\n});\n`;
}

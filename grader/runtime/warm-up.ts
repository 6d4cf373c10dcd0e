// A trusted spec that loads the service's packages (Nest, Prisma, BullMQ…) into a kept worker
// before any learner code runs there: they stay loaded across runs (see persistent-pool.ts), so
// no learner's clock pays for them.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The warm-up spec's source for a workspace (a copy of service/, whose package.json lists the packages). */
export function warmUpSpec(serviceDir: string): string {
  const manifest = join(serviceDir, 'package.json');
  const pkg = existsSync(manifest)
    ? (JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies?: Record<string, string> })
    : {};
  const names = [...Object.keys(pkg.dependencies ?? {}), '@nestjs/testing', 'supertest', 'socket.io-client'];
  return `import { it } from 'vitest';\nit('warms the worker', async () => {\n  for (const name of ${JSON.stringify(names)}) await import(/* @vite-ignore */ name).catch(() => undefined);\n});\n`;
}

import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The domain must stay plain TypeScript: frameworks and drivers belong to the outer layers,
// so the rules can be read, tested and reused without booting anything.
const FORBIDDEN = /^(@nestjs\/|@prisma\/|prisma|ioredis|bullmq|socket\.io|pg$|@electric-sql\/|express)/;
const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s*['"]([^'"]+)['"]/g;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Every module specifier a source file imports or re-exports. */
export function importsOf(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

describe('the domain layer', () => {
  it('imports no framework or driver (Nest, Prisma, ioredis, BullMQ, socket.io)', async () => {
    const domainDir = import.meta.dirname;
    const offenders: string[] = [];
    for (const file of await sourceFiles(domainDir)) {
      for (const specifier of importsOf(await readFile(file, 'utf8'))) {
        if (FORBIDDEN.test(specifier)) offenders.push(`${relative(domainDir, file)} imports "${specifier}"`);
      }
    }
    expect(offenders, 'move these imports to application/ or infrastructure/').toEqual([]);
  });

  it('the import scanner sees every import form (so the check above can fail)', () => {
    const sample = [
      "import { Injectable } from '@nestjs/common';",
      "import type { Redis } from 'ioredis';",
      "export { x } from 'bullmq';",
      "import 'socket.io';",
      "const p = import('@prisma/client');",
    ].join('\n');
    expect(importsOf(sample).filter((s) => FORBIDDEN.test(s))).toHaveLength(5);
  });
});

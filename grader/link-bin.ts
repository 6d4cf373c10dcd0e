// npm links the bins of dependencies into node_modules/.bin but not the root package's own, so
// `npm exec workbook` (and `npx workbook`) would not find the CLI. Run by `npm install` (prepare).
import { chmodSync, existsSync, lstatSync, mkdirSync, symlinkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'node_modules', '.bin');
const link = join(bin, 'workbook');
mkdirSync(bin, { recursive: true });
if (existsSync(link) || isBrokenLink(link)) unlinkSync(link);
symlinkSync('../../grader/cli.ts', link);
chmodSync(join(root, 'grader', 'cli.ts'), 0o755);

function isBrokenLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

// Prints which exercises the browser engine can grade and why the others cannot
// (`npm run capability`; `--json` for tools). The same decision is written into each exercise's
// editor data at build time.
import { resolve } from 'node:path';
import { browserCapability } from '../src/catalog/browser-capability.ts';
import { loadExercises } from '../src/catalog/load.ts';

const root = resolve(import.meta.dirname, '..');
const rows = [];
for (const exercise of loadExercises(root)) {
  const { capability } = await browserCapability(root, exercise);
  rows.push({ id: exercise.manifest.id, week: exercise.manifest.week, ...capability });
}
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const capable = rows.filter((r) => r.capable);
  console.log(`Browser-capable: ${capable.length} of ${rows.length}`);
  for (const r of capable) console.log(`  ✓ ${r.id} (week ${r.week})`);
  console.log(`Not capable: ${rows.length - capable.length}`);
  for (const r of rows) if (!r.capable) console.log(`  ✗ ${r.id} (week ${r.week}): ${r.reasons.join('; ')}`);
}

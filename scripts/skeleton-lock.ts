// `node scripts/skeleton-lock.ts`: writes project/skeleton/package-lock.json from the workbook's
// own lockfile — the skeleton's dependencies and everything they need, at exactly the versions the
// workbook installed — so `workbook project init` can install from the npm cache alone (a lockfile
// resolved afresh names newer versions the cache does not hold). Run it after changing either.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface Entry {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  link?: boolean;
  [key: string]: unknown;
}

const root = join(import.meta.dirname, '..');
const skeleton = join(root, 'project', 'skeleton');
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, Entry> };
const manifest = JSON.parse(readFileSync(join(skeleton, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Node's resolution inside the lock's tree: the nearest node_modules/<name> above `from`. */
function resolve(from: string, name: string): string | undefined {
  for (let at = from; ; at = at.includes('/node_modules/') ? at.slice(0, at.lastIndexOf('/node_modules/')) : '') {
    const key = `${at ? `${at}/` : ''}node_modules/${name}`;
    if (lock.packages[key]) return key;
    if (!at) return undefined;
  }
}

const kept: Record<string, Entry> = {};
const queue: Array<[string, string]> = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).map(
  (n) => ['', n],
);
while (queue.length > 0) {
  const [from, name] = queue.shift() as [string, string];
  const key = resolve(from, name);
  if (!key) {
    const optional =
      from &&
      (lock.packages[from]?.optionalDependencies?.[name] !== undefined ||
        lock.packages[from]?.peerDependenciesMeta?.[name]?.optional);
    if (!optional && !lock.packages[from]?.peerDependencies?.[name])
      throw new Error(`${name} (needed by ${from || 'the skeleton'}) is not in the workbook's lockfile`);
    continue;
  }
  if (kept[key]) continue;
  const entry = lock.packages[key] as Entry;
  if (key.startsWith('service/') || entry.link)
    throw new Error(`${key}: the skeleton must not depend on the workbook's own packages`);
  kept[key] = entry;
  for (const dep of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies, ...entry.peerDependencies }))
    queue.push([key, dep]);
}
for (const [name, wanted] of Object.entries({ ...manifest.dependencies, ...manifest.devDependencies })) {
  const got = kept[`node_modules/${name}`]?.version;
  if (got !== wanted)
    throw new Error(`project/skeleton/package.json pins ${name}@${wanted}, the workbook has ${got}: keep them equal`);
}

const sorted = Object.fromEntries(Object.entries(kept).sort(([a], [b]) => a.localeCompare(b)));
const out = {
  name: manifest.name,
  version: manifest.version,
  lockfileVersion: 3,
  requires: true,
  packages: {
    '': {
      name: manifest.name,
      version: manifest.version,
      dependencies: manifest.dependencies,
      devDependencies: manifest.devDependencies,
    },
    ...sorted,
  },
};
writeFileSync(join(skeleton, 'package-lock.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log(`project/skeleton/package-lock.json: ${Object.keys(sorted).length} packages from the workbook's lockfile`);

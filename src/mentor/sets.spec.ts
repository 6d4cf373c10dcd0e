// The curated sets under sets/ must parse, be named after their id, and reference real exercises.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExercises } from '../catalog/load.ts';
import { parseSetText } from './formats.ts';

const root = join(import.meta.dirname, '..', '..');
const files = readdirSync(join(root, 'sets'))
  .filter((n) => n.endsWith('.json'))
  .sort();
const catalog = loadExercises(root);
const known = new Set(catalog.map((e) => e.manifest.id));

describe('curated sets (sets/*.json)', () => {
  it('exist (the checks below run once per file)', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s is a valid set of existing exercises, named after its id', (name) => {
    const parsed = parseSetText(readFileSync(join(root, 'sets', name), 'utf8'), `sets/${name}`);
    if (!parsed.ok) expect.fail(parsed.error);
    expect(`${parsed.value.id}.json`, 'file name must be "<id>.json"').toBe(name);
    const missing = parsed.value.exercises.map((e) => e.id).filter((id) => !known.has(id));
    expect(missing, `sets/${name} lists exercises that do not exist under exercises/`).toEqual([]);
  });

  it('cover every Phase 1 week that has exercises, and the Phase 1 assessment', () => {
    const weeks = [...new Set(catalog.map((e) => e.manifest.week).filter((w) => w <= 5))];
    expect(weeks.length, 'Phase 1 (weeks 1–5) has exercises').toBeGreaterThan(0);
    for (const w of weeks)
      expect(files, `week ${w} has exercises but no sets/phase-1-week-${w}.json`).toContain(`phase-1-week-${w}.json`);
    expect(files).toContain('phase-1-assessment.json');
  });
});

// The difficulty ladder (issue 13 §3) over the real catalog: each week's exercises have one order,
// easy to hard with the core first; nothing needs Redis before the chapter that teaches it; exercises
// sit in the week whose chapter teaches them; and the chapters' lists and the curated sets follow the
// ladder. The build itself refuses duplicate or missing orders (load.ts; load.spec.ts tests that).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExerciseManifest } from '../schemas/exercise.ts';
import { exerciseSetSchema } from '../schemas/exercise-set.ts';
import { loadExercises } from './load.ts';

const root = join(import.meta.dirname, '..', '..');
const catalog = loadExercises(root).map((e) => e.manifest);
const byId = new Map(catalog.map((m) => [m.id, m]));
const weeks = [...new Set(catalog.map((m) => m.week))].sort((a, b) => a - b);
const ladder = (week: number) => catalog.filter((m) => m.week === week).sort((a, b) => a.order - b.order);
const chapter = (week: number) =>
  readFileSync(join(root, 'src', 'content', 'weeks', `week-${String(week).padStart(2, '0')}.mdx`), 'utf8');
const RANK = { beginner: 0, intermediate: 1, advanced: 2 } as const;
const describeStep = (m: ExerciseManifest) => `${m.id} (order ${m.order}, ${m.difficulty})`;

/** The `exercises` front-matter list of a chapter, in either YAML style the chapters use. */
function frontMatterExercises(text: string): string[] {
  const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  const inline = /^exercises: \[(.*)\]$/m.exec(front);
  if (inline)
    return (inline[1] ?? '')
      .split(',')
      .map((s) => s.trim().replace(/^"|"$/g, ''))
      .filter(Boolean);
  const block = /^exercises:\n((?: {2}- .*\n?)+)/m.exec(front);
  return (block?.[1] ?? '')
    .split('\n')
    .map((l) =>
      l
        .replace(/^ {2}- /, '')
        .trim()
        .replace(/^"|"$/g, ''),
    )
    .filter(Boolean);
}

describe('the difficulty ladder', () => {
  it.each(weeks)('week %i: orders are 1..n, each once', (week) => {
    expect(ladder(week).map((m) => m.order)).toEqual(ladder(week).map((_, i) => i + 1));
  });

  it.each(weeks)('week %i: core exercises come before optional ones, each part easy to hard', (week) => {
    const steps = ladder(week);
    const firstOptional = steps.findIndex((m) => m.optional);
    if (firstOptional !== -1) {
      const lateCore = steps.slice(firstOptional).filter((m) => !m.optional);
      expect(lateCore.map(describeStep), 'core exercises placed after an optional one; move them up').toEqual([]);
    }
    for (const part of [steps.filter((m) => !m.optional), steps.filter((m) => m.optional)]) {
      const harderBefore = part.filter(
        (m, i) => i > 0 && RANK[m.difficulty] < RANK[(part[i - 1] as ExerciseManifest).difficulty],
      );
      expect(
        harderBefore.map((m) => `${describeStep(m)} comes after a harder exercise`),
        'difficulty must not go down along the ladder: renumber "order" so easier exercises come first',
      ).toEqual([]);
    }
  });

  it('needs no Redis in week 1: Redis is taught in week 2', () => {
    expect(
      ladder(1)
        .filter((m) => m.needs.includes('redis'))
        .map((m) => m.id),
    ).toEqual([]);
    expect(chapter(1)).not.toMatch(/^## .*Redis/m);
    expect(chapter(2)).toMatch(/^## Redis as a cache$/m);
  });

  it('puts TOTP and the circuit breaker in the weeks whose chapters teach them', () => {
    expect(byId.get('totp-verification')?.week).toBe(10);
    expect(chapter(10)).toMatch(/^## Two-factor authentication with TOTP$/m);
    expect(byId.get('tdd-circuit-breaker')?.week).toBe(9);
    expect(chapter(9)).toMatch(/\*\*A circuit breaker\*\*/);
  });

  it('splits week 3 into a core of at most 12 exercises and optional ones', () => {
    const steps = ladder(3);
    expect(steps.filter((m) => !m.optional).length).toBeLessThanOrEqual(12);
    expect(steps.filter((m) => m.optional).length).toBeGreaterThan(0);
  });

  it('titles of tests-after exercises do not claim "test first"', () => {
    const claims = catalog.filter((m) => m.kind === 'write-tests' && /test[- ]first/i.test(m.title));
    expect(claims.map((m) => `${m.id}: ${m.title}`)).toEqual([]);
  });
});

describe('chapters follow the ladder', () => {
  it.each(weeks)('week %i lists its own exercises first, in ladder order, and embeds each one', (week) => {
    const text = chapter(week);
    const listed = frontMatterExercises(text);
    const own = ladder(week).map((m) => m.id);
    expect(listed.slice(0, own.length), `week-${String(week).padStart(2, '0')}.mdx front matter "exercises"`).toEqual(
      own,
    );
    expect(listed.slice(own.length).filter((id) => byId.get(id)?.week === week)).toEqual([]);
    const embedded = new Set([...text.matchAll(/<Exercise id="([^"]+)"/g)].map((m) => m[1]));
    expect(
      own.filter((id) => !embedded.has(id)),
      'exercises of this week without an <Exercise id> in its chapter',
    ).toEqual([]);
  });

  it('embeds no exercise ahead of its own week', () => {
    const early = catalog.flatMap((m) =>
      weeks
        .filter((w) => w < m.week && chapter(w).includes(`<Exercise id="${m.id}"`))
        .map((w) => `${m.id} (week ${m.week}) in week ${w}`),
    );
    expect(early).toEqual([]);
  });
});

describe('curated sets follow the ladder', () => {
  const sets = readdirSync(join(root, 'sets'))
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((name) => ({
      name,
      set: exerciseSetSchema.parse(JSON.parse(readFileSync(join(root, 'sets', name), 'utf8'))),
    }));
  const place = (id: string) => {
    const m = byId.get(id);
    return m ? m.week * 1000 + m.order : Number.POSITIVE_INFINITY;
  };

  it.each(sets)('$name lists its exercises in ladder order (week, then order)', ({ set }) => {
    const ids = set.exercises.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => place(a) - place(b)));
  });

  it('a set that says "in order" is in ladder order, and some sets say it', () => {
    const inOrder = sets.filter(({ set }) => /\bin order\b/i.test(set.notes ?? ''));
    expect(inOrder.length).toBeGreaterThan(0);
    for (const { name, set } of inOrder) {
      const ids = set.exercises.map((e) => e.id);
      expect(ids, name).toEqual([...ids].sort((a, b) => place(a) - place(b)));
    }
  });

  it.each(weeks.filter((w) => w <= 5))("phase-1-week-%i is the week's core ladder, complete", (week) => {
    const set = sets.find((s) => s.name === `phase-1-week-${week}.json`)?.set;
    expect(set?.exercises.map((e) => e.id)).toEqual(
      ladder(week)
        .filter((m) => !m.optional)
        .map((m) => m.id),
    );
  });

  it('phase-1-week-3-optional holds the rest of week 3, in order', () => {
    const set = sets.find((s) => s.name === 'phase-1-week-3-optional.json')?.set;
    expect(set?.exercises.map((e) => e.id)).toEqual(
      ladder(3)
        .filter((m) => m.optional)
        .map((m) => m.id),
    );
  });
});

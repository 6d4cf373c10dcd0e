import { describe, expect, it } from 'vitest';
import { rankIdeas, riceScore, type Idea, type Impact } from '../src/planning/rice.js';

const idea = (id: string, reach: number, impact: Impact, confidence: number, effort: number): Idea => ({ id, title: `Idea ${id}`, reach, impact, confidence, effort });

describe('RICE', () => {
  it('scores reach × impact × confidence ÷ effort', () => {
    expect(riceScore(idea('bulk-edit', 800, 2, 0.8, 4))).toBeCloseTo(320);
    expect(riceScore(idea('dark-mode', 2_000, 0.25, 1, 0.5))).toBeCloseTo(1_000);
    expect(riceScore(idea('nobody', 0, 3, 1, 1))).toBe(0);
  });

  it('ranks ideas by score, highest first, with the score attached', () => {
    const ranked = rankIdeas([idea('a', 100, 1, 1, 1), idea('b', 1_000, 1, 1, 1), idea('c', 500, 1, 1, 1)]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([['b', 1], ['c', 2], ['a', 3]]);
    expect(ranked[0]).toMatchObject({ id: 'b', title: 'Idea b', score: 1_000 });
  });

  it('gives equal scores the same rank and skips the next (1, 2, 2, 4)', () => {
    const ranked = rankIdeas([idea('w', 100, 1, 1, 1), idea('x', 400, 1, 1, 1), idea('y', 200, 1, 1, 1), idea('z', 400, 1, 0.5, 1)]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 2, 4]);
  });

  it('breaks ties by smaller effort, then by id', () => {
    const ranked = rankIdeas([idea('m', 400, 1, 1, 2), idea('k', 200, 1, 1, 1), idea('b', 200, 1, 1, 1)]);
    expect(ranked.map((r) => r.id)).toEqual(['b', 'k', 'm']);
    expect(ranked.map((r) => r.rank)).toEqual([1, 1, 1]);
  });

  it('rejects invalid ideas and duplicate ids with a RangeError naming the idea and the field', () => {
    const bad = (i: Idea) => () => rankIdeas([idea('fine', 1, 1, 1, 1), i]);
    expect(bad(idea('neg-reach', -1, 1, 1, 1))).toThrow(RangeError);
    expect(bad(idea('neg-reach', -1, 1, 1, 1))).toThrow(/neg-reach[\s\S]*reach|reach[\s\S]*neg-reach/);
    expect(bad(idea('odd-impact', 1, 1.5 as Impact, 1, 1))).toThrow(/impact/);
    expect(bad(idea('too-sure', 1, 1, 80, 1))).toThrow(/confidence/);
    expect(bad(idea('free', 1, 1, 1, 0))).toThrow(/effort/);
    expect(bad(idea('fine', 2, 1, 1, 1))).toThrow(/fine/);
  });

  it('leaves the input untouched', () => {
    const input = [idea('a', 1, 1, 1, 1), idea('b', 9, 1, 1, 1)];
    const copy = structuredClone(input);
    rankIdeas(input);
    expect(input).toEqual(copy);
  });

  it('breaks a score tie by smaller effort even when the ids are the other way round', () => {
    const ranked = rankIdeas([idea('alpha', 400, 1, 1, 2), idea('zulu', 200, 1, 1, 1)]);
    expect(ranked.map((r) => `${r.id} (effort ${r.effort}, rank ${r.rank})`)).toEqual(['zulu (effort 1, rank 1)', 'alpha (effort 2, rank 1)']);
  });

  it("breaks the last tie by id alphabetically, ignoring case ('alpha' before 'Beta')", () => {
    expect(rankIdeas([idea('Beta', 100, 1, 1, 1), idea('alpha', 100, 1, 1, 1)]).map((r) => r.id)).toEqual(['alpha', 'Beta']);
  });

  it('accepts confidence 0 and 1 and reach 0; refuses NaN, a negative confidence or effort, naming the idea and the field', () => {
    expect(() => rankIdeas([idea('sure', 0, 1, 1, 1), idea('unsure', 5, 1, 0, 1)])).not.toThrow();
    const cases: [Idea, string][] = [
      [idea('nan-conf', 1, 1, Number.NaN, 1), 'confidence'],
      [idea('neg-conf', 1, 1, -0.5, 1), 'confidence'],
      [idea('nan-reach', Number.NaN, 1, 1, 1), 'reach'],
      [idea('neg-effort', 1, 1, 1, -2), 'effort'],
      [idea('inf-effort', 1, 1, 1, Number.POSITIVE_INFINITY), 'effort'],
    ];
    for (const [bad, field] of cases) {
      const error = (() => { try { rankIdeas([bad]); } catch (e) { return e; } return undefined; })();
      expect(error, `${bad.id} must be refused with a RangeError`).toBeInstanceOf(RangeError);
      expect((error as Error).message, `the message for ${bad.id}`).toContain(bad.id);
      expect((error as Error).message, `the message for ${bad.id}`).toContain(field);
    }
  });
});

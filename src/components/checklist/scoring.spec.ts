import { describe, expect, it } from 'vitest';
import { assessmentDefinitionSchema } from '../../schemas/checklist.ts';
import { phaseOneAssessment } from './phase-one.ts';
import { countDone, normalizeItems, slugify } from './items.ts';
import { parseScoreInput, scoreAssessment } from './scoring.ts';

describe('checklist items', () => {
  it('derives kebab-case ids from labels', () => {
    expect(slugify('Multi-user with advanced RBAC')).toBe('multi-user-with-advanced-rbac');
    expect(slugify('OAuth & 2FA (TOTP)')).toBe('oauth-2fa-totp');
    expect(slugify('Café déjà vu')).toBe('cafe-deja-vu');
  });

  it('keeps explicit ids and rejects two items with the same id, naming the checklist', () => {
    expect(normalizeItems('a', ['Redis caching layer', { id: 'rbac', label: 'Advanced RBAC' }])).toEqual([
      { id: 'redis-caching-layer', label: 'Redis caching layer' },
      { id: 'rbac', label: 'Advanced RBAC' },
    ]);
    expect(() => normalizeItems('option-a', ['Rate limiting', 'rate-limiting!'])).toThrow(
      /checklist "option-a": items\[1\]/,
    );
  });

  it('counts only ticks of items that are still listed', () => {
    const items = normalizeItems('a', ['One thing', 'Two things', 'Three things']);
    expect(countDone(items, ['one-thing', 'three-things', 'removed-item'])).toBe(2);
  });
});

describe('self-assessment scoring', () => {
  it('uses the program weights 40/30/20/10 and the 85% pass mark', () => {
    expect(phaseOneAssessment.areas.map((a) => [a.id, a.weight])).toEqual([
      ['project', 40],
      ['code-review', 30],
      ['test-coverage', 20],
      ['security-audit', 10],
    ]);
    expect(phaseOneAssessment.passMark).toBe(85);
  });

  it('computes the weighted total and pass/fail once every area is scored', () => {
    const passing = scoreAssessment(phaseOneAssessment, {
      project: 90,
      'code-review': 85,
      'test-coverage': 80,
      'security-audit': 70,
    });
    expect(passing).toEqual({ missing: [], earned: 84.5, total: 84.5, passed: false });
    const exact = scoreAssessment(phaseOneAssessment, {
      project: 85,
      'code-review': 85,
      'test-coverage': 85,
      'security-audit': 85,
    });
    expect(exact.passed).toBe(true);
    expect(exact.total).toBe(85);
    const lopsided = scoreAssessment(phaseOneAssessment, {
      project: 100,
      'code-review': 100,
      'test-coverage': 100,
      'security-audit': 0,
    });
    expect(lopsided).toMatchObject({ total: 90, passed: true });
  });

  it('reports missing areas and withholds the verdict until all are scored', () => {
    expect(scoreAssessment(phaseOneAssessment, { project: 100 })).toEqual({
      missing: ['code-review', 'test-coverage', 'security-audit'],
      earned: 40,
      total: null,
      passed: null,
    });
  });

  it('rejects definitions whose weights do not add up to 100', () => {
    const bad = { ...phaseOneAssessment, areas: phaseOneAssessment.areas.slice(1) };
    expect(() => assessmentDefinitionSchema.parse(bad)).toThrow(/add up to 100, got 60/);
  });

  it('parses typed scores and explains bad ones', () => {
    expect(parseScoreInput(' 72.5 ')).toEqual({ ok: true, score: 72.5 });
    expect(parseScoreInput('')).toEqual({ ok: true, score: null });
    for (const bad of ['101', '-1', 'abc', 'Infinity']) {
      const result = parseScoreInput(bad);
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.message).toContain('0 to 100');
    }
  });
});

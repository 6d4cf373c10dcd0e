import { describe, expect, it } from 'vitest';
import { codeReviewRubric } from './code-review-rubric.ts';
import { phaseTwoAssessment } from './phase-two.ts';
import { scoreAssessment } from './scoring.ts';

describe('Phase 2 self-assessment', () => {
  it("uses the program's weights: technical excellence 40, deliverables 30, professional skills 30", () => {
    expect(phaseTwoAssessment.areas.map((a) => [a.id, a.weight])).toEqual([
      ['technical-excellence', 40],
      ['deliverables', 30],
      ['professional-skills', 30],
    ]);
  });

  it('passes at 85 and not below', () => {
    const scores = { 'technical-excellence': 90, deliverables: 80, 'professional-skills': 85 };
    expect(scoreAssessment(phaseTwoAssessment, scores)).toMatchObject({ total: 85.5, passed: true });
    expect(scoreAssessment(phaseTwoAssessment, { ...scores, deliverables: 78 })).toMatchObject({
      total: 84.9,
      passed: false,
    });
  });
});

describe('code-review rubric', () => {
  it('has weighted areas that add up to 100, correctness first', () => {
    expect(codeReviewRubric.areas[0]).toMatchObject({ id: 'correctness', weight: 25 });
    expect(codeReviewRubric.areas.reduce((sum, a) => sum + a.weight, 0)).toBe(100);
    expect(codeReviewRubric.id).not.toBe(phaseTwoAssessment.id);
  });
});

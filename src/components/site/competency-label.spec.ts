import { describe, expect, it } from 'vitest';
import { COMPETENCIES } from '../../schemas/competency.ts';
import { competencyLabel } from './competency-label.ts';

describe('competencyLabel', () => {
  it('keeps acronyms upper-case and capitalises the first word', () => {
    expect(competencyLabel('cqrs')).toBe('CQRS');
    expect(competencyLabel('api-design')).toBe('API design');
    expect(competencyLabel('e2e-testing')).toBe('E2E testing');
    expect(competencyLabel('unit-testing')).toBe('Unit testing');
  });
  it('gives every competency a distinct label', () => {
    expect(new Set(COMPETENCIES.map(competencyLabel)).size).toBe(COMPETENCIES.length);
  });
});

// write-tests exercise: the learner's spec is graded against the service's guards and the mutants in
// mutants/. This check only pins down the reference behaviour the mutants deviate from.
import { expect, it } from 'vitest';
import { JwtAuthGuard, RolesGuard } from '../src/presentation/http/auth.guards.js';

it('the reference guards are exported as classes', () => {
  expect(typeof JwtAuthGuard).toBe('function');
  expect(typeof RolesGuard).toBe('function');
});

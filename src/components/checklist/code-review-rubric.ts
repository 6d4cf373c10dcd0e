import { assessmentDefinitionSchema, type AssessmentDefinition } from '../../schemas/checklist.ts';

/**
 * A rubric mentors score an intern's pull request with (week 8 onwards). Weighted like the
 * self-assessments and saved the same way, so a mentor can keep the scores of the last review.
 */
export const codeReviewRubric: AssessmentDefinition = assessmentDefinitionSchema.parse({
  id: 'code-review-rubric',
  title: 'Code-review rubric',
  passMark: 80,
  areas: [
    {
      id: 'correctness',
      label: 'Correctness',
      weight: 25,
      criteria: [
        'Does what the ticket asks, including the edge cases it names',
        'Failure paths are handled: invalid input, missing records, a dependency down',
        'Concurrent requests cannot corrupt data (transactions, locks or versions where needed)',
      ],
    },
    {
      id: 'design',
      label: 'Design and architecture',
      weight: 20,
      criteria: [
        'Each file sits in the layer and folder the project’s conventions give it',
        'The domain imports no framework; adapters sit behind ports',
        'No duplicated logic and no abstraction without a second use',
      ],
    },
    {
      id: 'tests',
      label: 'Tests',
      weight: 20,
      criteria: [
        'Every rule the change adds has a test that fails without it',
        'Test names read as behaviour; tests are independent and deterministic',
        'Endpoints are covered end to end against real dependencies',
      ],
    },
    {
      id: 'security',
      label: 'Security',
      weight: 15,
      criteria: [
        'Input is validated at the boundary and access is checked on every path',
        'No secret, token or personal data in code, logs or error bodies',
        'Queries are parameterised; output is encoded for where it goes',
      ],
    },
    {
      id: 'operability',
      label: 'Operability',
      weight: 10,
      criteria: [
        'Logs are structured, carry the request id and say what to do at error level',
        'Migrations are forward-only and safe for a rolling deploy',
        'New behaviour is visible in metrics or health checks where it can fail',
      ],
    },
    {
      id: 'readability',
      label: 'Readability and the pull request',
      weight: 10,
      criteria: [
        'Names say what things are; comments say why, not what',
        'The pull request is small, focused and explains what changed and how it was tested',
      ],
    },
  ],
});

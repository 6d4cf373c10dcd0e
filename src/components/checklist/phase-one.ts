import { assessmentDefinitionSchema, type AssessmentDefinition } from '../../schemas/checklist.ts';

/** The Phase 1 assessment with the program's weights; criteria are summarised in the workbook's words. */
export const phaseOneAssessment: AssessmentDefinition = assessmentDefinitionSchema.parse({
  id: 'phase-1-assessment',
  title: 'Phase 1 self-assessment',
  passMark: 85,
  areas: [
    {
      id: 'project',
      label: 'Project: the task API with real-time features',
      weight: 40,
      criteria: [
        'Layers follow clean architecture; the domain imports no framework',
        'Commands and queries are separate (CQRS)',
        'Reads are cached in Redis with a deliberate invalidation rule',
        'Slow work runs in background jobs with retries',
        'Clients receive changes in real time over WebSockets',
        'Line coverage is at least 85%',
        'Security hardening and performance work are done',
      ],
    },
    {
      id: 'code-review',
      label: 'Code review',
      weight: 30,
      criteria: [
        'Each class has one reason to change; SOLID holds up under review',
        'Concerns are separated between layers and modules',
        'Patterns are used where they pay for themselves, not for show',
        'A static analysis scan finds no code smells worth fixing',
      ],
    },
    {
      id: 'test-coverage',
      label: 'Test coverage',
      weight: 20,
      criteria: [
        'At least 85% of lines covered overall',
        'Every service has unit tests',
        'Every endpoint has an integration test',
        'Critical flows have end-to-end tests',
        'Tests were written first, in small red-green-refactor steps',
      ],
    },
    {
      id: 'security-audit',
      label: 'Security audit',
      weight: 10,
      criteria: [
        'No critical finding against the OWASP Top 10',
        'Every input is validated at the boundary',
        'Authentication is sound (hashing, token expiry, rate limits)',
        'Secrets come from the environment, never from the repository',
      ],
    },
  ],
});

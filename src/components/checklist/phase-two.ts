import { assessmentDefinitionSchema, type AssessmentDefinition } from '../../schemas/checklist.ts';

/**
 * The Phase 2 assessment with the program's weights (technical excellence 40, deliverables 30,
 * professional skills 30); criteria are summarised in the workbook's words.
 */
export const phaseTwoAssessment: AssessmentDefinition = assessmentDefinitionSchema.parse({
  id: 'phase-2-assessment',
  title: 'Phase 2 self-assessment',
  passMark: 85,
  areas: [
    {
      id: 'technical-excellence',
      label: 'Technical excellence',
      weight: 40,
      criteria: [
        'The code is clean and easy to change; reviewers rarely ask for structural rework',
        'At least 85% of lines are covered, and the tests would catch a broken rule',
        'Errors are handled on purpose: clear codes for clients, no stack traces, nothing swallowed',
        'The security checklist holds for the deployed system, not just the laptop',
        'A load test shows the capacity meets the estimate, with figures kept in the repository',
        'Structured logs, metrics and alerts tell you what is wrong before users do',
      ],
    },
    {
      id: 'deliverables',
      label: 'Deliverables',
      weight: 30,
      criteria: [
        'The application does everything the approved requirements promised',
        'It runs in production (or a production-like environment), deployed by the pipeline',
        'API reference, guides, runbook and decision records are complete and current',
        'Monitoring and alerting are live, and each alert links to its runbook entry',
        'The stakeholders accepted the result at the final presentation',
      ],
    },
    {
      id: 'professional-skills',
      label: 'Professional skills',
      weight: 30,
      criteria: [
        'You unblocked yourself first, and asked early with what you had already tried',
        'Updates, pull requests and the presentation were clear to their audience',
        'Milestones were met, or the slip was announced early with a new plan',
        'You owned problems end to end, including the unglamorous ones',
        'You shared what you learned: reviews, documentation, a session for the team',
      ],
    },
  ],
});

import { z } from 'zod';

/** The fixed list of competencies an exercise can train; the catalog filters by these. */
export const COMPETENCIES = [
  'solid',
  'design-patterns',
  'clean-architecture',
  'cqrs',
  'events',
  'prisma',
  'caching',
  'sessions',
  'queues',
  'realtime',
  'tdd',
  'unit-testing',
  'e2e-testing',
  'security',
  'performance',
  'system-design',
  'api-design',
  'multi-tenancy',
  'observability',
  'reliability',
] as const;

export const competencySchema = z.enum(COMPETENCIES).describe('One competency from the fixed list');
export type Competency = z.infer<typeof competencySchema>;

// Chapter data for site components: the weeks collection sorted, grouped by phase, with neighbours.
import { getCollection, type CollectionEntry } from 'astro:content';
import { withBase } from './base-url.ts';

export type WeekEntry = CollectionEntry<'weeks'>;

export interface Phase {
  phase: 1 | 2;
  name: string;
  /** One sentence shown on the home page. */
  blurb: string;
  range: string;
}

/** The program's two phases, in the program's own order. */
export const PHASES: readonly Phase[] = [
  {
    phase: 1,
    name: 'Learning phase',
    blurb:
      'Advanced patterns, integrations, testing and security, then system design and user research, practised on a real-time task API.',
    range: 'Weeks 1–5',
  },
  {
    phase: 2,
    name: 'Final project',
    blurb:
      'Own one production-grade project end to end: discovery and design, three development sprints, then deployment and handover.',
    range: 'Weeks 6–12',
  },
];

/** Every chapter, ordered by week number. */
export async function getWeeks(): Promise<WeekEntry[]> {
  const weeks = await getCollection('weeks');
  return weeks.sort((a, b) => a.data.week - b.data.week);
}

/** URL of a chapter page. */
export const weekHref = (week: number): string => withBase(`/weeks/${week}/`);

/** The chapters of one phase. */
export const weeksOfPhase = (weeks: WeekEntry[], phase: 1 | 2): WeekEntry[] =>
  weeks.filter((w) => w.data.phase === phase);

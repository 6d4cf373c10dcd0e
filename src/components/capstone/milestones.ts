// The capstone's milestone pages as site components see them: the collection sorted m1…m4.
import { type CollectionEntry, getCollection } from 'astro:content';
import { withBase } from '../site/base-url.ts';

export type MilestoneEntry = CollectionEntry<'capstone'>;

/** Every milestone page, in milestone order. */
export async function getMilestones(): Promise<MilestoneEntry[]> {
  const all = await getCollection('capstone');
  return all.sort((a, b) => a.data.milestone.localeCompare(b.data.milestone));
}

/** URL of a milestone page. */
export const milestoneHref = (milestone: string): string => withBase(`/capstone/${milestone}/`);

/** "Milestone 1" for m1. */
export const milestoneLabel = (milestone: string): string => `Milestone ${milestone.slice(1)}`;

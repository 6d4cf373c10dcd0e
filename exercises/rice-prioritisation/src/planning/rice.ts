export type Impact = 0.25 | 0.5 | 1 | 2 | 3;

export interface Idea {
  id: string;
  title: string;
  reach: number;
  impact: Impact;
  confidence: number;
  effort: number;
}

export interface RankedIdea extends Idea {
  score: number;
  rank: number;
}

/** reach × impact × confidence ÷ effort */
export function riceScore(idea: Idea): number {
  throw new Error(`Not implemented: riceScore (${idea.id})`);
}

/** Validated, scored and ranked copy of the ideas, best first. */
export function rankIdeas(ideas: readonly Idea[]): RankedIdea[] {
  throw new Error(`Not implemented: rankIdeas (${ideas.length})`);
}

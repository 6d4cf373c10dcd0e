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

const IMPACTS: readonly number[] = [0.25, 0.5, 1, 2, 3];

function validate(idea: Idea): void {
  const fail = (field: string, rule: string, value: unknown) => {
    throw new RangeError(`idea "${idea.id}": ${field} ${rule}, got ${String(value)}`);
  };
  if (!Number.isFinite(idea.reach) || idea.reach < 0) fail('reach', 'must be a number ≥ 0', idea.reach);
  if (!IMPACTS.includes(idea.impact)) fail('impact', 'must be one of 0.25, 0.5, 1, 2, 3', idea.impact);
  if (!Number.isFinite(idea.confidence) || idea.confidence < 0 || idea.confidence > 1) fail('confidence', 'must be between 0 and 1', idea.confidence);
  if (!Number.isFinite(idea.effort) || idea.effort <= 0) fail('effort', 'must be more than 0', idea.effort);
}

/** reach × impact × confidence ÷ effort */
export function riceScore(idea: Idea): number {
  validate(idea);
  return (idea.reach * idea.impact * idea.confidence) / idea.effort;
}

/** Validated, scored and ranked copy of the ideas, best first. */
export function rankIdeas(ideas: readonly Idea[]): RankedIdea[] {
  const ids = new Set<string>();
  for (const idea of ideas) {
    if (ids.has(idea.id)) throw new RangeError(`idea "${idea.id}": id is used twice`);
    ids.add(idea.id);
  }
  const scored = ideas.map((idea) => ({ ...idea, score: riceScore(idea), rank: 0 }));
  // Alphabetical as a reader expects it ('alpha' before 'Beta'), whatever the case.
  scored.sort((a, b) => b.score - a.score || a.effort - b.effort || a.id.localeCompare(b.id, 'en'));
  // Competition ranking: 1 + how many ideas score strictly higher.
  scored.forEach((idea, i) => {
    idea.rank = i > 0 && scored[i - 1]!.score === idea.score ? scored[i - 1]!.rank : i + 1;
  });
  return scored;
}

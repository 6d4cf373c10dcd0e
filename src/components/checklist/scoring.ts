// Self-assessment arithmetic. Dependency-free (type-only imports) because it runs in the page.
import type { AssessmentDefinition } from '../../schemas/checklist.ts';

export interface AssessmentResult {
  /** Areas still without a score. */
  missing: string[];
  /** Sum of score × weight / 100 over the scored areas. */
  earned: number;
  /** The weighted total, once every area has a score. */
  total: number | null;
  /** Whether the total reaches the pass mark, once every area has a score. */
  passed: boolean | null;
}

/** Weighted total of a self-assessment, rounded to one decimal. */
export function scoreAssessment(
  definition: AssessmentDefinition,
  scores: Readonly<Record<string, number>>,
): AssessmentResult {
  let earned = 0;
  const missing: string[] = [];
  for (const area of definition.areas) {
    const score = scores[area.id];
    if (score === undefined) missing.push(area.id);
    else earned += (score * area.weight) / 100;
  }
  const rounded = Math.round(earned * 10) / 10;
  const complete = missing.length === 0;
  return {
    missing,
    earned: rounded,
    total: complete ? rounded : null,
    passed: complete ? rounded >= definition.passMark : null,
  };
}

/** Reads what the learner typed into a score field: a number 0–100, null for empty, or an error message. */
export function parseScoreInput(text: string): { ok: true; score: number | null } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, score: null };
  const score = Number(trimmed);
  if (!Number.isFinite(score) || score < 0 || score > 100) {
    return { ok: false, message: `"${trimmed}" is not a score: enter a number from 0 to 100.` };
  }
  return { ok: true, score };
}

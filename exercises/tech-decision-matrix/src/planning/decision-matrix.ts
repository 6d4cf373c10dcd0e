export type Criterion = { name: string; weight: number } | { name: string; mustHave: true };

export interface OptionInput {
  name: string;
  scores: Record<string, number>;
  meets: Record<string, boolean>;
}

export interface RankedOption {
  name: string;
  score: number | null;
  rank: number | null;
  failed: string[];
}

export interface Decision {
  ranking: RankedOption[];
  winner: string | null;
  closeCall: boolean;
}

/** Scores, ranks and checks the options against the criteria. */
export function decide(input: { criteria: readonly Criterion[]; options: readonly OptionInput[]; closeCallMargin?: number }): Decision {
  throw new Error(`Not implemented: decide (${input.options.length} options)`);
}

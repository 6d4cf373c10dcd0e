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

const isMustHave = (c: Criterion): c is { name: string; mustHave: true } => 'mustHave' in c;

/** Scores, ranks and checks the options against the criteria. */
export function decide(input: { criteria: readonly Criterion[]; options: readonly OptionInput[]; closeCallMargin?: number }): Decision {
  const weighted = input.criteria.filter((c): c is { name: string; weight: number } => !isMustHave(c));
  const mustHaves = input.criteria.filter(isMustHave);
  for (const c of weighted) {
    if (!(c.weight > 0)) throw new RangeError(`criterion "${c.name}": weight must be more than 0, got ${c.weight}`);
  }
  for (const option of input.options) {
    for (const c of weighted) {
      const s = option.scores[c.name];
      if (s === undefined || !Number.isInteger(s) || s < 1 || s > 5) {
        throw new RangeError(`option "${option.name}", criterion "${c.name}": score must be an integer from 1 to 5, got ${s}`);
      }
    }
    for (const c of mustHaves) {
      if (typeof option.meets[c.name] !== 'boolean') throw new RangeError(`option "${option.name}", must-have "${c.name}": answer true or false`);
    }
  }
  const maximum = weighted.reduce((sum, c) => sum + c.weight * 5, 0);
  const evaluated = input.options.map((o) => {
    const failed = mustHaves.filter((c) => !o.meets[c.name]).map((c) => c.name);
    const raw = weighted.reduce((sum, c) => sum + c.weight * o.scores[c.name]!, 0);
    return { name: o.name, failed, score: failed.length > 0 ? null : Math.round((raw / maximum) * 1000) / 10 };
  });
  // Array.prototype.sort is stable, so ties keep the input order.
  const qualified = evaluated.filter((o) => o.score !== null).sort((a, b) => b.score! - a.score!);
  const ranking: RankedOption[] = [
    ...qualified.map((o, i) => ({ name: o.name, score: o.score, rank: i + 1, failed: [] })),
    ...evaluated.filter((o) => o.score === null).map((o) => ({ name: o.name, score: null, rank: null, failed: o.failed })),
  ];
  const [first, second] = qualified;
  // Scores have one decimal, so their difference does too: round away float noise (68.6 − 63.6 is 5, not 4.999…).
  const gap = first !== undefined && second !== undefined ? Math.round((first.score! - second.score!) * 10) / 10 : undefined;
  const closeCall = gap !== undefined && gap < (input.closeCallMargin ?? 5);
  return { ranking, winner: first?.name ?? null, closeCall };
}

export interface AdrProblem {
  /** 1-based line number, or null when the problem is something missing. */
  line: number | null;
  message: string;
}

export const REQUIRED_SECTIONS = ['Status', 'Context', 'Decision', 'Consequences'] as const;

/** Returns every rule the ADR breaks, sorted by line; [] when it is valid. */
export function lintAdr(markdown: string): AdrProblem[] {
  throw new Error('Not implemented: lintAdr');
}

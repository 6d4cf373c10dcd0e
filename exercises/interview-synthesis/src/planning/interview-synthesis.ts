export interface ObservationCard {
  participant: string;
  role: string;
  theme: string;
  note: string;
}

export interface Finding {
  theme: string;
  participants: number;
  roles: string[];
  cards: number;
  evidence: { participant: string; note: string }[];
}

/** Groups cards by theme and ranks the themes by how many different people back them. */
export function synthesise(cards: readonly ObservationCard[], options: { minParticipants?: number } = {}): Finding[] {
  throw new Error(`Not implemented: synthesise (${cards.length} cards, ${options.minParticipants ?? 2})`);
}

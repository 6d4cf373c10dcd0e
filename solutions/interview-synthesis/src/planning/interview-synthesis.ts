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

const keyOf = (theme: string) => theme.trim().toLowerCase().replace(/\s+/g, ' ');

/** Alphabetical as a reader expects it: 'designer' before 'PM', whatever the case. */
const alphabetically = (a: string, b: string) => a.localeCompare(b, 'en');

interface Group {
  label: string;
  people: Set<string>;
  roles: Set<string>;
  evidence: { participant: string; note: string }[];
}

/** Groups cards by theme and ranks the themes by how many different people back them. */
export function synthesise(cards: readonly ObservationCard[], options: { minParticipants?: number } = {}): Finding[] {
  const minParticipants = options.minParticipants ?? 2;
  const groups = new Map<string, Group>();
  for (const card of cards) {
    const key = keyOf(card.theme);
    if (key === '') continue;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { label: card.theme.trim(), people: new Set(), roles: new Set(), evidence: [] }));
    group.people.add(card.participant);
    group.roles.add(card.role);
    group.evidence.push({ participant: card.participant, note: card.note });
  }
  return [...groups.values()]
    .filter((g) => g.people.size >= minParticipants)
    .map((g) => ({ theme: g.label, participants: g.people.size, roles: [...g.roles].sort(alphabetically), cards: g.evidence.length, evidence: g.evidence }))
    .sort((a, b) => b.participants - a.participants || b.roles.length - a.roles.length || b.cards - a.cards || alphabetically(a.theme, b.theme));
}

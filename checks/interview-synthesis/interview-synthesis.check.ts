import { describe, expect, it } from 'vitest';
import { synthesise, type ObservationCard } from '../src/planning/interview-synthesis.js';

const card = (participant: string, role: string, theme: string, note = `${participant} on ${theme}`): ObservationCard => ({ participant, role, theme, note });

const CARDS: ObservationCard[] = [
  card('lead-1', 'team lead', 'Status meetings waste time', 'we spend an hour a day on status'),
  card('lead-1', 'team lead', 'status meetings waste time', 'again the standup overran'),
  card('lead-1', 'team lead', 'Status  meetings waste time', 'nobody reads the status doc'),
  card('lead-1', 'team lead', 'Status meetings waste time', 'I chase people for updates'),
  card('lead-1', 'team lead', 'Status meetings waste time', 'the board is always stale'),
  card('new-1', 'new hire', 'Blocked new hires are invisible', 'waited two days for access'),
  card('new-2', 'new hire', 'blocked new hires are invisible', 'did not know whom to ask'),
  card('new-3', 'new hire', 'Blocked new hires are invisible', 'my buddy was on holiday'),
  card('lead-2', 'team lead', 'Blocked new hires are invisible', 'I only learn at the retro'),
  card('admin-1', 'IT admin', 'Access requests arrive by chat', 'requests get lost in chat'),
  card('new-2', 'new hire', 'Access requests arrive by chat', 'I messaged three people'),
  card('lead-2', 'team lead', 'Status meetings waste time', 'we could read the board instead'),
  card('new-3', 'new hire', '   ', 'an empty theme is ignored'),
];

describe('synthesise', () => {
  it('groups cards whose themes differ only in case and spacing, keeping the first spelling', () => {
    const status = synthesise(CARDS).find((f) => f.theme.toLowerCase().startsWith('status'));
    expect(status?.theme).toBe('Status meetings waste time');
    expect(status?.cards).toBe(6);
  });

  it('counts distinct participants and roles, not cards', () => {
    const findings = synthesise(CARDS);
    const byTheme = Object.fromEntries(findings.map((f) => [f.theme, f]));
    expect(byTheme['Status meetings waste time']).toMatchObject({ participants: 2, roles: ['team lead'], cards: 6 });
    expect(byTheme['Blocked new hires are invisible']).toMatchObject({ participants: 4, roles: ['new hire', 'team lead'], cards: 4 });
    expect(byTheme['Access requests arrive by chat']).toMatchObject({ participants: 2, roles: ['IT admin', 'new hire'], cards: 2 });
  });

  it('ranks by participants, then roles, then cards — not by the loudest participant', () => {
    expect(synthesise(CARDS).map((f) => f.theme)).toEqual([
      'Blocked new hires are invisible',
      'Access requests arrive by chat',
      'Status meetings waste time',
    ]);
  });

  it('keeps every card as evidence, in input order', () => {
    const blocked = synthesise(CARDS)[0]!;
    expect(blocked.evidence).toEqual([
      { participant: 'new-1', note: 'waited two days for access' },
      { participant: 'new-2', note: 'did not know whom to ask' },
      { participant: 'new-3', note: 'my buddy was on holiday' },
      { participant: 'lead-2', note: 'I only learn at the retro' },
    ]);
  });

  it('drops themes with fewer than minParticipants people and ignores cards without a theme', () => {
    expect(synthesise(CARDS, { minParticipants: 3 }).map((f) => f.theme)).toEqual(['Blocked new hires are invisible']);
    const solo = synthesise([card('p1', 'r', 'Only me'), card('p1', 'r', 'Only me')]);
    expect(solo).toEqual([]);
    expect(synthesise([card('p1', 'r', 'Only me')], { minParticipants: 1 })).toHaveLength(1);
    expect(synthesise([card('p1', 'r', ' '), card('p2', 'r', '')], { minParticipants: 1 })).toEqual([]);
  });

  it('breaks full ties alphabetically', () => {
    const tied = [card('a', 'x', 'Zebra crossing'), card('b', 'y', 'Zebra crossing'), card('c', 'x', 'Apple pie'), card('d', 'y', 'Apple pie')];
    expect(synthesise(tied).map((f) => f.theme)).toEqual(['Apple pie', 'Zebra crossing']);
  });

  it("the finding keeps the first card's spelling even when later cards spell it differently", () => {
    const cards = [card('a', 'x', 'access requests get lost'), card('b', 'x', 'Access Requests Get Lost'), card('c', 'y', 'Access Requests Get Lost')];
    expect(synthesise(cards).map((f) => f.theme)).toEqual(['access requests get lost']);
  });

  it('participants outrank roles: three people of one role come before two people of two roles', () => {
    const cards = [
      card('a', 'new hire', 'Two roles'), card('lead', 'team lead', 'Two roles'),
      card('b', 'new hire', 'One role'), card('c', 'new hire', 'One role'), card('d', 'new hire', 'One role'),
    ];
    expect(synthesise(cards).map((f) => f.theme)).toEqual(['One role', 'Two roles']);
  });

  it('with equal participants and roles, the theme with more cards comes first', () => {
    const cards = [card('a', 'x', 'Alpha'), card('b', 'x', 'Alpha'), card('a', 'x', 'Beta'), card('b', 'x', 'Beta'), card('b', 'x', 'Beta')];
    expect(synthesise(cards).map((f) => `${f.theme} (${f.cards} cards)`)).toEqual(['Beta (3 cards)', 'Alpha (2 cards)']);
  });

  it("alphabetical means ignoring case: roles and tied themes sort like words ('designer' before 'PM'), not by character code", () => {
    const cards = [card('a', 'PM', 'Zebra crossing'), card('b', 'designer', 'Zebra crossing'), card('c', 'PM', 'apple pie'), card('d', 'designer', 'apple pie')];
    const findings = synthesise(cards);
    expect(findings.map((f) => f.theme), 'tied themes').toEqual(['apple pie', 'Zebra crossing']);
    expect(findings[0]!.roles, 'roles').toEqual(['designer', 'PM']);
  });
});

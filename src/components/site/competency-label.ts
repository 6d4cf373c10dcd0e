// Human labels for competency ids (src/schemas/competency.ts), with acronyms kept upper-case.
const ACRONYMS: Record<string, string> = { solid: 'SOLID', cqrs: 'CQRS', tdd: 'TDD', api: 'API', e2e: 'E2E' };

/** "api-design" → "API design", "cqrs" → "CQRS", "unit-testing" → "Unit testing". */
export function competencyLabel(id: string): string {
  const words = id.split('-').map((w) => ACRONYMS[w] ?? w);
  const first = words[0] ?? '';
  return [
    first === first.toUpperCase() ? first : first.charAt(0).toUpperCase() + first.slice(1),
    ...words.slice(1),
  ].join(' ');
}

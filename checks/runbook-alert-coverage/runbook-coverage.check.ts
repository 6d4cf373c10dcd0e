import { describe, expect, it } from 'vitest';
import { checkRunbook, type AlertRule } from '../src/docs/runbook-coverage.js';

const RUNBOOK = `# Task service runbook

## Overview
Owners: the platform team.

## Alerts

### HighErrorRate
**Meaning:** more than 2 % of requests fail.
Actions: read which dependency /health marks as down.
Escalation: page the database on-call after 15 minutes.

### QueueBacklogAge
meaning: the oldest notification job waits more than 5 minutes.
**Actions:** check the worker count.
**Escalation:** the platform team.

\`\`\`md
### ExampleInsideCode
This heading is inside a code block and is not a section.
\`\`\`

## Procedures

### Deploy
Run the pipeline.
`;

const ALERTS: AlertRule[] = [
  { name: 'HighErrorRate', runbookUrl: 'docs/runbook.md#higherrorrate' },
  { name: 'QueueBacklogAge', runbookUrl: 'https://git.example.com/tasks/blob/main/docs/runbook.md#queuebacklogage' },
];

describe('checkRunbook', () => {
  it('finds nothing wrong when every alert has a complete, correctly linked section', () => {
    expect(checkRunbook(ALERTS, RUNBOOK)).toEqual([]);
  });

  it('reports an alert without a section', () => {
    const problems = checkRunbook([...ALERTS, { name: 'DiskAlmostFull', runbookUrl: 'docs/runbook.md#diskalmostfull' }], RUNBOOK);
    expect(problems).toMatchObject([{ kind: 'MISSING_SECTION', alert: 'DiskAlmostFull' }]);
  });

  it('reports a section whose alert no longer exists, but not headings outside Alerts or inside code', () => {
    const problems = checkRunbook([ALERTS[0]!], RUNBOOK);
    expect(problems).toMatchObject([{ kind: 'ORPHAN_SECTION', section: 'QueueBacklogAge' }]);
  });

  it('reports a link whose anchor is not the slug of the section heading', () => {
    const problems = checkRunbook([{ name: 'HighErrorRate', runbookUrl: 'docs/runbook.md#HighErrorRate' }, { name: 'QueueBacklogAge', runbookUrl: 'docs/runbook.md' }], RUNBOOK);
    expect(problems.map((p) => [p.kind, p.alert])).toEqual([
      ['BROKEN_LINK', 'HighErrorRate'],
      ['BROKEN_LINK', 'QueueBacklogAge'],
    ]);
    const spaced = RUNBOOK.replace('### HighErrorRate', '### High error rate (5xx)');
    expect(checkRunbook([{ name: 'High error rate (5xx)', runbookUrl: 'runbook.md#high-error-rate-5xx' }, ALERTS[1]!], spaced)).toEqual([]);
  });

  it('reports a section missing Meaning, Actions or Escalation, naming what is missing', () => {
    const thin = RUNBOOK.replace('Escalation: page the database on-call after 15 minutes.\n', '').replace('**Meaning:** more than', 'It means more than');
    const problems = checkRunbook(ALERTS, thin);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: 'INCOMPLETE_SECTION', section: 'HighErrorRate' });
    expect(problems[0]!.detail).toMatch(/Meaning/i);
    expect(problems[0]!.detail).toMatch(/Escalation/i);
    expect(problems[0]!.detail).not.toMatch(/Actions/i);
  });

  it('lists alert problems in alert order before section problems in document order', () => {
    const doc = RUNBOOK.replace('### QueueBacklogAge', '### OldQueueAlert').replace('## Procedures', '### AnotherOrphan\nMeaning: x\n\n## Procedures');
    const problems = checkRunbook([{ name: 'Zeta', runbookUrl: '#zeta' }, ...ALERTS], doc);
    expect(problems.map((p) => `${p.kind}:${p.alert ?? p.section}`)).toEqual([
      'MISSING_SECTION:Zeta',
      'MISSING_SECTION:QueueBacklogAge',
      'ORPHAN_SECTION:OldQueueAlert',
      'ORPHAN_SECTION:AnotherOrphan',
    ]);
  });
});

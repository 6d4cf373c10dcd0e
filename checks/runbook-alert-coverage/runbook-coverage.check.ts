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

  it('matches section names exactly: a heading that differs only in case is another section', () => {
    const problems = checkRunbook(ALERTS, RUNBOOK.replace('### HighErrorRate', '### highErrorRate'));
    expect(problems.map((p) => `${p.kind}:${p.alert ?? p.section}`)).toEqual(['MISSING_SECTION:HighErrorRate', 'ORPHAN_SECTION:highErrorRate']);
  });

  it('checks the link only when the section exists (a missing section is one problem)', () => {
    expect(checkRunbook([...ALERTS, { name: 'DiskAlmostFull', runbookUrl: 'docs/runbook.md#wrong-anchor' }], RUNBOOK)).toMatchObject([{ kind: 'MISSING_SECTION', alert: 'DiskAlmostFull' }]);
    expect(checkRunbook([...ALERTS, { name: 'DiskAlmostFull', runbookUrl: 'docs/runbook.md#wrong-anchor' }], RUNBOOK)).toHaveLength(1);
  });

  it('drops characters other than letters, digits, spaces and - from the slug (an underscore too)', () => {
    const doc = RUNBOOK.replace('### HighErrorRate', '### Disk_Almost_Full');
    expect(checkRunbook([{ name: 'Disk_Almost_Full', runbookUrl: 'runbook.md#diskalmostfull' }, ALERTS[1]!], doc)).toEqual([]);
    expect(checkRunbook([{ name: 'Disk_Almost_Full', runbookUrl: 'runbook.md#disk_almost_full' }, ALERTS[1]!], doc)).toMatchObject([{ kind: 'BROKEN_LINK', alert: 'Disk_Almost_Full' }]);
  });

  it('counts only ### headings as sections (not ####) and ignores ~~~ fenced code too', () => {
    const doc = RUNBOOK.replace('Escalation: page the database on-call after 15 minutes.\n', 'Escalation: page the database on-call after 15 minutes.\n\n#### Details\nMore notes.\n\n~~~\n### InsideTildeFence\n~~~\n');
    expect(checkRunbook(ALERTS, doc)).toEqual([]);
  });

  it('needs Meaning:, Actions: and Escalation: at the start of a line, not in the middle of one', () => {
    const doc = RUNBOOK.replace('**Meaning:** more than 2 % of requests fail.', 'It is unclear what the Meaning: of this alert is.');
    expect(checkRunbook(ALERTS, doc)).toMatchObject([{ kind: 'INCOMPLETE_SECTION', section: 'HighErrorRate' }]);
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

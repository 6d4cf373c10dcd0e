export interface AlertRule {
  name: string;
  runbookUrl: string;
}

export interface RunbookProblem {
  kind: 'MISSING_SECTION' | 'ORPHAN_SECTION' | 'BROKEN_LINK' | 'INCOMPLETE_SECTION';
  alert?: string;
  section?: string;
  detail: string;
}

/** What is wrong between the alert rules and the runbook; [] when they match. */
export function checkRunbook(alerts: readonly AlertRule[], runbookMarkdown: string): RunbookProblem[] {
  throw new Error(`Not implemented: checkRunbook (${alerts.length} alerts, ${runbookMarkdown.length} characters)`);
}

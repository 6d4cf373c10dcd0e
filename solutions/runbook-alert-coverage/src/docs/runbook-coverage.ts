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

const REQUIRED = ['Meaning', 'Actions', 'Escalation'] as const;

/** GitHub-style heading anchor. */
export const slugOf = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');

interface Section {
  name: string;
  lines: string[];
}

/** The ### sections inside "## Alerts", ignoring fenced code. */
function alertSections(markdown: string): Section[] {
  const sections: Section[] = [];
  let inFence = false;
  let inAlerts = false;
  let current: Section | undefined;
  for (const line of markdown.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (!inFence && /^## /.test(line)) {
      inAlerts = line.slice(3).trim() === 'Alerts';
      current = undefined;
      continue;
    }
    if (!inFence && inAlerts && /^### /.test(line)) {
      current = { name: line.slice(4).trim(), lines: [] };
      sections.push(current);
      continue;
    }
    current?.lines.push(line);
  }
  return sections;
}

/** What is wrong between the alert rules and the runbook; [] when they match. */
export function checkRunbook(alerts: readonly AlertRule[], runbookMarkdown: string): RunbookProblem[] {
  const sections = alertSections(runbookMarkdown);
  const byName = new Map(sections.map((s) => [s.name, s]));
  const problems: RunbookProblem[] = [];
  for (const alert of alerts) {
    const section = byName.get(alert.name);
    if (!section) {
      problems.push({ kind: 'MISSING_SECTION', alert: alert.name, detail: `add "### ${alert.name}" under "## Alerts"` });
      continue;
    }
    const fragment = alert.runbookUrl.split('#')[1] ?? '';
    if (fragment !== slugOf(section.name)) {
      problems.push({ kind: 'BROKEN_LINK', alert: alert.name, detail: `link ends in "#${fragment}", the section's anchor is "#${slugOf(section.name)}"` });
    }
  }
  const alertNames = new Set(alerts.map((a) => a.name));
  for (const section of sections) {
    if (!alertNames.has(section.name)) {
      problems.push({ kind: 'ORPHAN_SECTION', section: section.name, detail: 'no alert rule has this name; delete or rename the section' });
      continue;
    }
    const missing = REQUIRED.filter((part) => !section.lines.some((l) => new RegExp(`^\\s*(\\*\\*)?\\s*${part}:`, 'i').test(l)));
    if (missing.length > 0) problems.push({ kind: 'INCOMPLETE_SECTION', section: section.name, detail: `missing: ${missing.join(', ')}` });
  }
  return problems;
}

// How each isolation (report.ts isolationSchema) is named to people: on the exercise page, in the
// CLI and on the mentor dashboard. One wording everywhere, so "isolated" means the same thing.
import type { CheckReport, Isolation } from './report.ts';

/** Short names, e.g. for a table cell. */
export const ISOLATION_LABELS: Readonly<Record<Isolation, string>> = {
  bubblewrap: 'bubblewrap sandbox',
  permissions: 'Node permission model',
  'web-worker': 'browser Web Worker',
  none: 'not isolated',
};

/** One sentence: what fenced the code in while it ran. */
export function isolationSentence(isolation: Isolation): string {
  switch (isolation) {
    case 'bubblewrap':
      return "Ran isolated: bubblewrap sandbox (no network, read-only repository, own processes) with Node's permission model.";
    case 'permissions':
      return "Ran isolated by Node's permission model only (no OS sandbox on this machine: install bubblewrap on Linux for the full fence).";
    case 'web-worker':
      return 'Ran isolated in a browser Web Worker (no page, storage or network access).';
    case 'none':
      return "Ran without isolation: the code could reach this machine's files and network.";
  }
}

/** The sentence for one report: its own account of what ran when it has one, else the isolation's. */
export const reportIsolationSentence = (report: Pick<CheckReport, 'isolation' | 'isolationDetail'>): string =>
  report.isolationDetail ?? isolationSentence(report.isolation);

/** The things the code tried that were refused or caught; empty when none. */
export const attemptsOf = (report: Pick<CheckReport, 'attempts'>): string[] => report.attempts ?? [];

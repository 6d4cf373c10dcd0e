export interface ParsedCommit {
  type: string;
  scope?: string;
  description: string;
  breaking: boolean;
}

/** Reads a Conventional Commit message; undefined when it does not follow the format. */
export function parseCommit(message: string): ParsedCommit | undefined {
  throw new Error(`Not implemented: parseCommit (${message.length})`);
}

/** The semantic version after these commits. */
export function nextVersion(current: string, messages: readonly string[]): string {
  throw new Error(`Not implemented: nextVersion (${current}, ${messages.length})`);
}

/** Markdown release notes grouped by kind of change. */
export function renderNotes(version: string, messages: readonly string[]): string {
  throw new Error(`Not implemented: renderNotes (${version}, ${messages.length})`);
}

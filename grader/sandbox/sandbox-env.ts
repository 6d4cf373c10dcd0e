// The environment a sandboxed process starts with: emptied, so learner code never sees the
// grader's (tokens, paths, URLs). Runners (launch.ts), the capstone's service (project/service-process.ts)
// and the capstone's test run (project/coverage-run.ts) all start from it.

/** A process's own PATH entries come first (a Node folder), then the system's. */
const SYSTEM_PATH = '/usr/local/bin:/usr/bin:/bin';

export interface SandboxEnvOptions {
  /** HOME and TMPDIR: a folder the process may write. */
  home: string;
  /** A folder put first on PATH (the Node the process runs on). */
  binDir?: string;
}

/** PATH, HOME, TMPDIR and LANG, then `extra` (what this process needs; it may override them). */
export function sandboxEnv(o: SandboxEnvOptions, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: o.binDir ? `${o.binDir}:${SYSTEM_PATH}` : SYSTEM_PATH,
    HOME: o.home,
    TMPDIR: o.home,
    LANG: 'C.UTF-8',
    ...extra,
  };
}

// What learner code tried that a fence refused, read from the errors it caused. Each refusal has a
// recognisable trace: Node's permission model throws ERR_ACCESS_DENIED (runner-child adds the
// permission and resource to the message), a read-only mount answers EROFS, the empty network
// namespace ENETUNREACH, Redis ACL NOPERM, the memory limit "Array buffer allocation failed".
// A report with attempts is never "verified" by a mentor.

const PERMISSION: Record<string, string> = {
  FileSystemRead: 'read outside the workspace',
  FileSystemWrite: 'write outside the workspace',
  ChildProcess: 'start a process',
  WorkerThreads: 'start a worker thread',
  Addon: 'load a native addon',
  WASI: 'start WASI',
  Inspector: 'open the inspector',
};

const RULES: [RegExp, (m: RegExpMatchArray) => string][] = [
  [
    /ERR_ACCESS_DENIED \((\w+)(?:: ([^)]*))?\)/,
    (m) => `${PERMISSION[m[1] ?? ''] ?? `use ${m[1]}`}${m[2] ? `: ${m[2]}` : ''}`,
  ],
  [/--allow-fs-read/, () => 'read outside the workspace'],
  [/--allow-fs-write/, () => 'write outside the workspace'],
  [/--allow-child-process/, () => 'start a process'],
  [/--allow-worker/, () => 'start a worker thread'],
  [/--allow-addons/, () => 'load a native addon'],
  [
    /EROFS[^']*'?([^',\n]*)/,
    (m) => `write outside the workspace (read-only file system)${m[1] ? `: ${m[1].trim()}` : ''}`,
  ],
  [/(?:ENETUNREACH|EHOSTUNREACH)\s+([\w.:[\]-]+)/, (m) => `reach the network: ${m[1]}`],
  [/NOPERM[^\n]*/, (m) => `Redis outside the run's rights: ${m[0].slice(0, 160)}`],
  [
    /Array buffer allocation failed|Failed to allocate memory|ERR_BUFFER_TOO_LARGE|Cannot create a Buffer larger/,
    () => 'allocate more memory than the limit',
  ],
  [/\bspawn EAGAIN|fork: Resource temporarily unavailable/, () => 'start more processes than the limit'],
];

/** One line per distinct refusal found in `texts` (error messages of the run). */
export function attemptsIn(texts: (string | undefined)[]): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    // One attempt per rule and message: the generic --allow-* hint only when no precise one matched.
    const precise = text.match(RULES[0]![0]);
    for (const [index, [pattern, phrase]] of RULES.entries()) {
      if (precise && index > 0 && index < 6) continue;
      const match = text.match(pattern);
      if (match) found.add(phrase(match));
    }
  }
  return [...found];
}

// Stopping a bubblewrap sandbox for good. Killing bwrap kills the PID namespace's init, and the
// kernel then kills every other process in it, but not at once: until the namespace is empty, the
// intern's processes may still write to its folders or hold its sockets. The service (milestones
// 1–3) and the test run (milestone 4) both wait here until nothing of theirs is left.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** The PID namespace bwrap made (that of its child, the namespace's init), or undefined. */
export function pidNamespaceOf(bwrapPid: number): string | undefined {
  try {
    const [init] = readFileSync(`/proc/${bwrapPid}/task/${bwrapPid}/children`, 'utf8').trim().split(/\s+/);
    return init ? readlinkSync(`/proc/${init}/ns/pid`) : undefined;
  } catch {
    return undefined;
  }
}

/** Processes still in that namespace (dying after their init was killed, or not yet). */
function inNamespace(namespace: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readlinkSync(`/proc/${pid}/ns/pid`) === namespace;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Waits until the namespace is empty, SIGKILLing what is still there after 2 s (all of it is the service's). */
export async function emptied(namespace: string): Promise<void> {
  for (let waited = 0; waited < 5_000; waited += 50) {
    const left = inNamespace(namespace);
    if (left.length === 0) return;
    if (waited >= 2_000)
      for (const pid of left) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// Runs in the suite's worker before each file. The grader starts the suite while the service is
// still starting, so the worker's start-up and the suites' client libraries (imported here, shared
// by every file: no isolation) load meanwhile; then this waits until the grader says the service
// answers, and registers the shared members once when the milestone uses them.
import { inject } from 'vitest';
import './client.ts';
import './realtime.ts';
import { registerMembers } from './members.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The milestone's files share Ada and Eve (helpers/members.ts). */
    sharedMembers: boolean;
  }
}

const control = process.env['PROJECT_CONTROL_URL'];
if (!control) throw new Error('PROJECT_CONTROL_URL is not set: run this suite through `workbook project check`.');
const answer = await fetch(`${control}/ready`, { signal: AbortSignal.timeout(300_000) });
if (answer.status !== 204) throw new Error(`The service did not start: ${await answer.text()}`);
if (inject('sharedMembers')) await registerMembers();

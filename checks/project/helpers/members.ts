// The members a milestone's global setup registered (see m2/global-setup.ts).
import { inject } from 'vitest';
import type { Member } from './client.ts';

type Members = { ada: Member; eve: Member };

declare module 'vitest' {
  export interface ProvidedContext {
    members: Members | { error: string };
  }
}

/** The shared members; throws (failing the check that asked) when the setup could not register them. */
export function members(): Members {
  const provided = inject('members');
  if ('error' in provided) throw new Error(provided.error);
  return provided;
}

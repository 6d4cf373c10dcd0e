// The two members a milestone's files share (M2, M3): /auth/* allows 10 requests a minute per
// address and all of the suite's requests come from one address, so they are registered once per
// run, by the setup file (setup.ts) before the first file. Files run in one worker without
// isolation (vitest.config.ts), so this module, and the members, are shared by every file.
import { type Member, newMember } from './client.ts';

type Members = { ada: Member; eve: Member };

let registered: Members | { error: string } | undefined;

/** Registers Ada and Eve once; a service that cannot register them fails every check that asks, with the reason. */
export async function registerMembers(): Promise<void> {
  if (registered) return;
  try {
    registered = { ada: await newMember('ada'), eve: await newMember('eve') };
  } catch (error) {
    registered = { error: `Registering the suite's members failed: ${(error as Error).message}` };
  }
}

/** The shared members; throws (failing the check that asked) when they could not be registered. */
export function members(): Members {
  if (!registered) throw new Error('The suite registered no members: run it through `workbook project check` (helpers/setup.ts).');
  if ('error' in registered) throw new Error(registered.error);
  return registered;
}

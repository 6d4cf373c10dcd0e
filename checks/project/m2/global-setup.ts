// Registers M2's two members once for every file: /auth/* allows 10 requests a minute per address,
// and all of the suite's requests come from one address. A service that cannot register them
// fails every check with the reason (not a crash of the suite).
import type { TestProject } from 'vitest/node';
import { newMember } from '../helpers/client.ts';

export default async function setup(project: TestProject): Promise<void> {
  try {
    project.provide('members', { ada: await newMember('ada'), eve: await newMember('eve') });
  } catch (error) {
    project.provide('members', { error: `Registering the suite's members failed: ${(error as Error).message}` });
  }
}

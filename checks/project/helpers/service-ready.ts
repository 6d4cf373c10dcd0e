// Global setup of every milestone, first: the grader starts this suite while the service is still
// starting (both start-ups overlap); this waits until the grader says the service answers. When
// the service does not start the grader ends the run itself, so a refusal here only says why.
export default async function serviceReady(): Promise<void> {
  const control = process.env['PROJECT_CONTROL_URL'];
  if (!control) throw new Error('PROJECT_CONTROL_URL is not set: run this suite through `workbook project check`.');
  const answer = await fetch(`${control}/ready`, { signal: AbortSignal.timeout(300_000) });
  if (answer.status !== 204) throw new Error(`The service did not start: ${await answer.text()}`);
}

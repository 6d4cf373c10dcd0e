// What `npm start` says when infrastructure an exercise needs is not running: once in the terminal
// (scripts/services-notice.ts, for all exercises) and on the page of each exercise that needs it
// (exercise-run.ts, from the local grader's health answer). One wording for both, so the terminal
// and the page never tell the learner two different things.
import type { HealthResponse } from '../schemas/grade-api.ts';

type Missing = NonNullable<HealthResponse['missing']>;
export type Service = keyof Missing;

/** The services the local grader may report missing, as the learner knows them. */
export const SERVICE_NAMES: Record<Service, string> = { redis: 'Redis' };

/** "Redis is not running" */
export const notRunning = (service: Service) => `${SERVICE_NAMES[service]} is not running`;

/** The problem as the grader words it for a run (grader/redis.ts), shortened to follow notRunning. */
export const serviceFix = (service: Service, problem: string) =>
  problem.replace(/^These checks need Redis, but /, `${SERVICE_NAMES[service]}: `);

/** The page's notice for one exercise, or undefined when everything it needs is there. */
export function exerciseServicesNotice(needs: readonly string[], missing: Missing | undefined): string | undefined {
  const lines = (Object.keys(SERVICE_NAMES) as Service[])
    .filter((service) => needs.includes(service) && missing?.[service])
    .map(
      (service) =>
        `${notRunning(service)}, so this exercise's checks cannot run here yet; every exercise that does not need it works. ${serviceFix(service, missing?.[service] ?? '')}`,
    );
  return lines.length ? lines.join('\n') : undefined;
}

/** The catalog's notice: which badge marks the exercises that cannot be checked, and how to fix it. */
export function catalogServicesNotice(missing: Missing | undefined): string | undefined {
  const lines = (Object.keys(SERVICE_NAMES) as Service[])
    .filter((service) => missing?.[service])
    .map(
      (service) =>
        `${notRunning(service)}, so the exercises marked “needs ${SERVICE_NAMES[service]}” cannot be checked here yet; every other exercise works. ${serviceFix(service, missing?.[service] ?? '')}`,
    );
  return lines.length ? lines.join('\n') : undefined;
}

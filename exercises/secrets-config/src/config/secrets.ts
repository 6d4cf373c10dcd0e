import { DEVELOPMENT_JWT_SECRET } from '../config.js';

export { DEVELOPMENT_JWT_SECRET };

/** Placeholders that must never protect a production service. */
export const WEAK_SECRETS: readonly string[] = ['changeme', 'secret', 'password', 'jwt-secret', DEVELOPMENT_JWT_SECRET];

export interface Secrets {
  jwtSecret: string;
  warnings: string[];
}

/** The service's secrets from `env`; throws, naming the variable (never the value), when unusable. */
export function loadSecrets(env: Record<string, string | undefined>): Secrets {
  // TODO: no file support, no strength rules, and production falls back to the development secret.
  return { jwtSecret: env['JWT_SECRET'] ?? DEVELOPMENT_JWT_SECRET, warnings: [] };
}

/** `text` with every secret (and the password of a secret URL) replaced by ***. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  return text;
}

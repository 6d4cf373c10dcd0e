import { readFileSync } from 'node:fs';
import { DEVELOPMENT_JWT_SECRET } from '../config.js';

export { DEVELOPMENT_JWT_SECRET };

/** Placeholders that must never protect a production service. */
export const WEAK_SECRETS: readonly string[] = ['changeme', 'secret', 'password', 'jwt-secret', DEVELOPMENT_JWT_SECRET];

export interface Secrets {
  jwtSecret: string;
  warnings: string[];
}

const MIN_LENGTH = 32;
const MIN_DISTINCT = 10;

/** Why `secret` is weak, or null; the reason never quotes the secret. */
function weakness(secret: string): string | null {
  if (WEAK_SECRETS.some((w) => w.toLowerCase() === secret.toLowerCase())) return 'is a known placeholder';
  if (secret.length < MIN_LENGTH) return `must have at least ${MIN_LENGTH} characters (it has ${secret.length})`;
  if (new Set(secret).size < MIN_DISTINCT) return `must use at least ${MIN_DISTINCT} different characters`;
  return null;
}

function readSecret(env: Record<string, string | undefined>): string | undefined {
  const inline = env['JWT_SECRET'];
  const file = env['JWT_SECRET_FILE'];
  if (inline !== undefined && file !== undefined) {
    throw new Error('Set either JWT_SECRET or JWT_SECRET_FILE, not both.');
  }
  if (file === undefined) return inline;
  try {
    return readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  } catch (error) {
    throw new Error(`JWT_SECRET_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
}

/** The service's secrets from `env`; throws, naming the variable (never the value), when unusable. */
export function loadSecrets(env: Record<string, string | undefined>): Secrets {
  const production = env['NODE_ENV'] === 'production';
  const secret = readSecret(env);
  if (secret === undefined || secret === '') {
    if (production) throw new Error('JWT_SECRET is required when NODE_ENV=production (at least 32 random characters).');
    return { jwtSecret: DEVELOPMENT_JWT_SECRET, warnings: ['JWT_SECRET is not set: using the development secret. Never deploy like this.'] };
  }
  const problem = weakness(secret);
  if (problem && production) throw new Error(`JWT_SECRET ${problem}; generate one with: openssl rand -base64 48`);
  return { jwtSecret: secret, warnings: problem ? [`JWT_SECRET ${problem}; fine for development only.`] : [] };
}

/** `text` with every secret (and the password of a secret URL) replaced by ***. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  const needles = new Set<string>();
  for (const secret of secrets) {
    if (!secret) continue;
    needles.add(secret);
    try {
      const password = decodeURIComponent(new URL(secret).password);
      if (password) needles.add(password);
    } catch {
      // not a URL: only the whole secret is redacted
    }
  }
  // Longest first, so a password inside a redacted URL does not leave half of it behind.
  let out = text;
  for (const needle of [...needles].sort((a, b) => b.length - a.length)) out = out.split(needle).join('***');
  return out;
}

import bcrypt from 'bcryptjs';

export const MIN_COST = 10;
export const DEFAULT_COST = 12;
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  'password1234', 'qwertyuiop12', '123456789012', 'iloveyou1234', 'letmein12345', 'welcome12345', 'correcthorsebatterystaple',
]);

export interface PasswordOwner {
  email: string;
  name: string;
}

const MIN_LENGTH = 12;
/** bcrypt reads at most this many bytes of the password. */
const MAX_BYTES = 72;

/** What is wrong with `password` for this user; empty when it is acceptable. */
export function passwordProblems(password: string, owner: PasswordOwner): string[] {
  const problems: string[] = [];
  const lower = password.toLowerCase();
  if ([...password].length < MIN_LENGTH) problems.push(`Use at least ${MIN_LENGTH} characters.`);
  if (Buffer.byteLength(password, 'utf8') > MAX_BYTES) problems.push(`Use at most ${MAX_BYTES} bytes (bcrypt ignores the rest).`);
  if (COMMON_PASSWORDS.has(lower)) problems.push('This password is too common.');
  const personal = [owner.email.split('@')[0] ?? '', ...owner.name.split(/\s+/)]
    .map((part) => part.toLowerCase())
    .filter((part) => part.length >= 3);
  if (personal.some((part) => lower.includes(part))) problems.push('Do not use your name or e-mail in your password.');
  return problems;
}

/** A salted bcrypt hash; refuses a cost too low to slow down guessing. */
export async function hashPassword(plain: string, cost = DEFAULT_COST): Promise<string> {
  if (!Number.isInteger(cost) || cost < MIN_COST) throw new RangeError(`bcrypt cost must be an integer ≥ ${MIN_COST}; got ${cost}.`);
  return bcrypt.hash(plain, cost);
}

/** True for the right password; false (never a throw) for a wrong one or a damaged hash. */
export async function verifyPassword(plain: string, hash: string): Promise<boolean> {
  try {
    return await bcrypt.compare(plain, hash);
  } catch {
    return false;
  }
}

/** True when `hash` was made with a lower cost than `cost`, or is not a bcrypt hash at all. */
export function needsRehash(hash: string, cost = DEFAULT_COST): boolean {
  try {
    return bcrypt.getRounds(hash) < cost;
  } catch {
    return true;
  }
}

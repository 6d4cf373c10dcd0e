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

/** What is wrong with `password` for this user; empty when it is acceptable. */
export function passwordProblems(password: string, owner: PasswordOwner): string[] {
  // TODO: only the length rule, and a weak one.
  return password.length < 8 ? ['Use at least 8 characters.'] : [];
}

export async function hashPassword(plain: string, cost = DEFAULT_COST): Promise<string> {
  // TODO: the cost is not checked.
  return bcrypt.hash(plain, cost);
}

export async function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}

export function needsRehash(hash: string, cost = DEFAULT_COST): boolean {
  return false;
}

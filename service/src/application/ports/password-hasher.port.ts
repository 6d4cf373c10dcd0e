export interface PasswordHasher {
  hash(plain: string): Promise<string>;
  /** True when `plain` produced `hash`; compares in constant time. */
  verify(plain: string, hash: string): Promise<boolean>;
}

export const PASSWORD_HASHER = Symbol('PASSWORD_HASHER');

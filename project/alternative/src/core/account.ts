export interface Account {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly createdAt: string;
}

/** The stored form: the hash never leaves the storage and account use cases. */
export interface StoredAccount extends Account {
  readonly passwordHash: string;
}

export function publicAccount(account: StoredAccount): Account {
  return { id: account.id, email: account.email, name: account.name, createdAt: account.createdAt };
}

import type { UserRole } from './user-role.js';

/** Who is asking: the authenticated user behind a command or query. */
export interface Actor {
  id: string;
  role: UserRole;
}

/** MEMBER: an intern; MENTOR and ADMIN may see and change every task. */
export const UserRole = {
  MEMBER: 'MEMBER',
  MENTOR: 'MENTOR',
  ADMIN: 'ADMIN',
} as const;

export type UserRole = (typeof UserRole)[keyof typeof UserRole];

export const USER_ROLES: readonly UserRole[] = Object.values(UserRole);

export function isUserRole(value: unknown): value is UserRole {
  return typeof value === 'string' && (USER_ROLES as readonly string[]).includes(value);
}

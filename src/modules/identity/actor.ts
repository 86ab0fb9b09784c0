import type { Role } from './roles.ts';

export interface RoleOnUnit {
  readonly role: Role;
  readonly unitId: string;
  /** The unit's materialised path (`/<root>/.../<id>/`), so subtree checks need no query. */
  readonly unitPath: string;
  readonly unitName: string;
}

/** The signed-in staff member as use cases see it. */
export interface StaffActor {
  readonly kind: 'staff';
  readonly staffId: string;
  readonly username: string;
  readonly fullName: string;
  readonly title: string;
  readonly roles: readonly RoleOnUnit[];
}

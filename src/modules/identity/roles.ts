// Staff roles, held per unit (shared/PRODUCT.md "Who uses it").
export const ROLES = ['receptionist', 'specialist', 'leader', 'clerk', 'unit_admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

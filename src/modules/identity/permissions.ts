// Every permission check in xaso goes through `can` (issue 2: "permissions checked in one place as plain
// functions"). A role held on a unit grants its permissions on that unit; the supervising roles (unit
// administrator, auditor) also reach every unit below it.
import { AppError } from '../../platform/errors.ts';
import type { RoleOnUnit, StaffActor } from './actor.ts';
import type { Role } from './roles.ts';

export const PERMISSIONS = {
  /** Create staff accounts, grant and revoke roles, disable, reset passwords, lift lockouts. */
  'staff.manage': ['unit_admin'],
  /** Read audit events and export evidence. */
  'audit.read': ['auditor', 'unit_admin'],
  /** Receive dossiers at the counter, issue receipts, return results. */
  'dossier.receive': ['receptionist'],
  /** Examine dossiers and draft results and documents. */
  'dossier.process': ['specialist'],
  /** Approve and sign as the competent person. */
  'document.sign': ['leader'],
  /** Number, seal (organisation signature), issue and register documents. */
  'document.seal': ['clerk'],
  // Signature requests (issue 5 §4)
  /** Submit a PDF for the leader's signature (and the seal), and cancel it before it is completed. */
  'document.submit': ['specialist', 'clerk'],
  /** Edit procedures, calendars and certificates of the unit. */
  'unit.configure': ['unit_admin'],
  // Citizen notifications and statistics (issue 7 §6, §7), over the unit and the units below it.
  /** See whether citizens' messages went out (dossier page, /thong-bao). */
  'notification.read': ['receptionist', 'specialist', 'leader', 'unit_admin'],
  /** Queue a failed (or skipped) message again for a fresh round of attempts. */
  'notification.resend': ['receptionist', 'unit_admin'],
  /** See the unit's statistics (/thong-ke), export them as CSV, print the BM.06 tracking register. */
  'statistics.read': ['receptionist', 'leader', 'unit_admin', 'auditor'],
  // Dossier processing (issue 7, src/modules/workflow)
  /** Approve a dossier's result, stop processing, sign the apology and extension slip (BM.04): the head. */
  'dossier.approve': ['leader'],
  // Certification (issue 7 §3, src/modules/certification)
  /** Check an original (or a signature), write the certification statement, take a register number. */
  'certification.certify': ['specialist'],
  /** Read and print the electronic certification registers of the unit (and, for supervisors, below). */
  'certification.read': ['specialist', 'leader', 'clerk', 'receptionist', 'unit_admin', 'auditor'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

const SUBTREE_ROLES: ReadonlySet<Role> = new Set<Role>(['unit_admin', 'auditor']);

function grants(assignment: RoleOnUnit, permission: Permission, unitPath: string): boolean {
  if (!(PERMISSIONS[permission] as readonly Role[]).includes(assignment.role)) {
    return false;
  }
  if (assignment.unitPath === unitPath) {
    return true;
  }
  return SUBTREE_ROLES.has(assignment.role) && unitPath.startsWith(assignment.unitPath);
}

/** May this actor do `permission` on the unit whose path is `unitPath`? */
export function can(actor: StaffActor, permission: Permission, unit: { readonly path: string }): boolean {
  return actor.roles.some((assignment) => grants(assignment, permission, unit.path));
}

/** May this actor do `permission` on some unit? (to show or hide a workspace entry) */
export function canAnywhere(actor: StaffActor, permission: Permission): boolean {
  return actor.roles.some((assignment) =>
    (PERMISSIONS[permission] as readonly Role[]).includes(assignment.role),
  );
}

/** The units (as paths) from which the actor's `permission` reaches down. */
export function scopesFor(actor: StaffActor, permission: Permission): RoleOnUnit[] {
  return actor.roles.filter((assignment) =>
    (PERMISSIONS[permission] as readonly Role[]).includes(assignment.role),
  );
}

export function assertCan(actor: StaffActor, permission: Permission, unit: { readonly path: string }): void {
  if (!can(actor, permission, unit)) {
    throw new AppError('FORBIDDEN', `Your roles do not allow ${permission} on this unit.`);
  }
}

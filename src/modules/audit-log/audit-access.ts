// Who may read audit entry bodies (issue 4 §4: hashes are public, bodies are for auditors): `audit.read`
// on the event's unit (held there or above it). Events of no unit (system-wide) need `audit.read` on a
// root unit (a province).
import type { StaffActor } from '../identity/actor.ts';
import { scopesFor } from '../identity/permissions.ts';

export function auditScopes(actor: StaffActor): { paths: string[]; hasRoot: boolean } {
  const paths = scopesFor(actor, 'audit.read').map((s) => s.unitPath);
  return { paths, hasRoot: paths.some((p) => p.split('/').filter(Boolean).length === 1) };
}

export function canReadAuditEvent(actor: StaffActor, unitPath: string | null): boolean {
  const { paths, hasRoot } = auditScopes(actor);
  return unitPath === null ? hasRoot : paths.some((p) => unitPath.startsWith(p));
}

// Which credential signs for whom (issue 5 §4): a leader signs with their personal credential of the
// unit, a clerk seals with the unit's seal credential they keep. Other modules ask here, never the tables.
import type { DbExecutor } from '../../database.ts';
import type { Role } from '../identity/roles.ts';
import type { CredentialKind } from './signing.table.ts';

export interface UnitSigner {
  readonly staffId: string;
  readonly fullName: string;
  readonly title: string;
  readonly credentialId: string;
}

/** The active, unlocked, currently valid credential of `kind` that `staffId` holds for `unitId`. */
export async function findSigningCredential(
  db: DbExecutor,
  options: { staffId: string; unitId: string; kind: CredentialKind; now?: Date },
) {
  const now = options.now ?? new Date();
  return db
    .selectFrom('signing_credentials')
    .selectAll()
    .where('holder_staff_id', '=', options.staffId)
    .where('unit_id', '=', options.unitId)
    .where('kind', '=', options.kind)
    .where('status', '=', 'active')
    .where('not_before', '<=', now)
    .where('not_after', '>', now)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/**
 * The unit's staff holding `role` (leaders by default; the receiving officers for a receipt) and an active
 * personal credential for it: who a request may be addressed to.
 */
export async function listUnitSigners(
  db: DbExecutor,
  unitId: string,
  now = new Date(),
  role: Role = 'leader',
): Promise<UnitSigner[]> {
  const rows = await db
    .selectFrom('signing_credentials as c')
    .innerJoin('staff as s', 's.id', 'c.holder_staff_id')
    .innerJoin('staff_roles as r', (join) =>
      join.onRef('r.staff_id', '=', 's.id').onRef('r.unit_id', '=', 'c.unit_id').on('r.role', '=', role),
    )
    .select(['s.id as staffId', 's.full_name as fullName', 's.title', 'c.id as credentialId'])
    .where('c.unit_id', '=', unitId)
    .where('c.kind', '=', 'personal')
    .where('c.status', '=', 'active')
    .where('c.not_after', '>', now)
    .where('s.is_disabled', '=', false)
    .orderBy('s.full_name')
    .execute();
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.staffId) && seen.add(r.staffId));
}

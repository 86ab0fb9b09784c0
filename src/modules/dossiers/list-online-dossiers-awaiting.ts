import type { DbExecutor } from '../../database.ts';
import type { StaffActor } from '../identity/actor.ts';
import { scopesFor } from '../identity/permissions.ts';

export interface AwaitingDossier {
  readonly code: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly procedureName: string;
  readonly applicantName: string;
  readonly channel: string;
  readonly submittedAt: Date;
}

/**
 * The online and kiosk dossiers waiting for a receptionist (status 1) at the units where the actor holds
 * `dossier.receive`, oldest first (they are handled in order of arrival), at most 200.
 */
export async function listOnlineDossiersAwaiting(options: {
  db: DbExecutor;
  actor: StaffActor;
}): Promise<AwaitingDossier[]> {
  const unitIds = scopesFor(options.actor, 'dossier.receive').map((r) => r.unitId);
  if (unitIds.length === 0) {
    return [];
  }
  const rows = await options.db
    .selectFrom('dossiers')
    .innerJoin('units', 'units.id', 'dossiers.unit_id')
    .select([
      'dossiers.code',
      'dossiers.unit_id',
      'units.name as unit_name',
      'dossiers.procedure_name',
      'dossiers.applicant',
      'dossiers.channel',
      'dossiers.submitted_at',
      'dossiers.received_at',
    ])
    .where('dossiers.unit_id', 'in', unitIds)
    .where('dossiers.status', '=', 1)
    .orderBy('dossiers.received_at')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    code: r.code,
    unitId: r.unit_id,
    unitName: r.unit_name,
    procedureName: r.procedure_name,
    applicantName: r.applicant.fullName,
    channel: r.channel,
    submittedAt: r.submitted_at ?? r.received_at,
  }));
}

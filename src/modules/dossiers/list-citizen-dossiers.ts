import type { DbExecutor } from '../../database.ts';
import type { CitizenActor } from '../citizen-identity/citizen-actor.ts';
import type { DossierStatus } from './dossier-status.ts';

export interface CitizenDossierSummary {
  readonly code: string;
  readonly procedureName: string;
  readonly receivedAt: Date;
  readonly dueAt: Date | null;
  readonly status: DossierStatus;
}

/**
 * The signed-in citizen's own dossiers (issue 6 §3 "see their dossiers", §5 lookup without the phone): those
 * they submitted online, and those whose applicant's personal identifier is the one the identity provider
 * asserted (handed in at the counter); newest first, at most 50.
 */
export async function listCitizenDossiers(options: {
  db: DbExecutor;
  citizen: CitizenActor;
}): Promise<CitizenDossierSummary[]> {
  const identifier = options.citizen.personalIdentifier;
  const rows = await options.db
    .selectFrom('dossiers')
    .select(['code', 'procedure_name', 'received_at', 'due_at', 'status'])
    .where((eb) =>
      eb.or([
        eb('citizen_id', '=', options.citizen.citizenId),
        ...(identifier ? [eb('applicant_identifier', '=', identifier)] : []),
      ]),
    )
    .orderBy('received_at', 'desc')
    .limit(50)
    .execute();
  return rows.map((r) => ({
    code: r.code,
    procedureName: r.procedure_name,
    receivedAt: r.received_at,
    dueAt: r.due_at,
    status: r.status,
  }));
}

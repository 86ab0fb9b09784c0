import { sql } from 'kysely';
import type { DbExecutor } from '../../database.ts';
import type { Dossier, DossierStatusEvent } from './dossier.table.ts';
import type { DossierStatus } from './dossier-status.ts';

export async function findDossierByCode(db: DbExecutor, code: string): Promise<Dossier | undefined> {
  return db.selectFrom('dossiers').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function listStatusEvents(db: DbExecutor, dossierId: string): Promise<DossierStatusEvent[]> {
  return db
    .selectFrom('dossier_status_events')
    .selectAll()
    .where('dossier_id', '=', dossierId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** What the public lookup reads: no personal data but the two values it compares against. */
export type DossierLookupRow = Pick<
  Dossier,
  | 'code'
  | 'procedure_code'
  | 'procedure_name'
  | 'received_at'
  | 'due_at'
  | 'derivation_vi'
  | 'derivation_en'
  | 'status'
  | 'applicant_phone_digits'
  | 'applicant_identifier'
> & { timeline: { status: DossierStatus; at: string }[] };

/**
 * The dossier's public fields and its status timeline in one round trip (the public lookup is the hot read
 * path): only the columns the lookup shows or compares, so neither the applicant nor the documents (JSON)
 * are read, sent or parsed. A named prepared statement (platform/db/prepared-statements.ts): planning the
 * timeline sub-select costs PostgreSQL more than running it, so each connection plans it once.
 */
export async function findDossierWithTimeline(
  db: DbExecutor,
  code: string,
): Promise<DossierLookupRow | undefined> {
  const { rows } = await sql<DossierLookupRow>`/* prepared: dossier-lookup */
    select code, procedure_code, procedure_name, received_at, due_at, derivation_vi, derivation_en, status,
      applicant_phone_digits, applicant_identifier,
      coalesce((select json_agg(json_build_object('status', e.status, 'at', e.at) order by e.at, e.id)
        from dossier_status_events e where e.dossier_id = dossiers.id), '[]'::json) as timeline
    from dossiers where code = ${code}`.execute(db);
  return rows[0];
}

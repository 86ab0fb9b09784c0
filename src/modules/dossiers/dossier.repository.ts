import type { DbExecutor } from '../../database.ts';
import type { Dossier, DossierStatusEvent } from './dossier.table.ts';

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

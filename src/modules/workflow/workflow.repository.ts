import type { Insertable, Updateable } from 'kysely';
import type { DbExecutor, Trx } from '../../database.ts';
import type {
  DossierHandover,
  DossierHandoverTable,
  DossierSupplement,
  DossierSupplementTable,
  DossierWorkEvent,
  DossierWorkflow,
  DossierWorkflowTable,
} from './workflow.table.ts';

export async function findWorkflow(db: DbExecutor, dossierId: string): Promise<DossierWorkflow | undefined> {
  return db
    .selectFrom('dossier_workflows')
    .selectAll()
    .where('dossier_id', '=', dossierId)
    .executeTakeFirst();
}

/** Creates the row if absent, then locks it: actions on one dossier queue behind each other. */
export async function lockWorkflow(
  trx: Trx,
  initial: Insertable<DossierWorkflowTable>,
): Promise<DossierWorkflow> {
  await trx
    .insertInto('dossier_workflows')
    .values(initial)
    .onConflict((oc) => oc.column('dossier_id').doNothing())
    .execute();
  return trx
    .selectFrom('dossier_workflows')
    .selectAll()
    .where('dossier_id', '=', initial.dossier_id)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function updateWorkflow(
  trx: Trx,
  dossierId: string,
  changes: Updateable<DossierWorkflowTable>,
): Promise<void> {
  if (Object.keys(changes).length > 0) {
    await trx.updateTable('dossier_workflows').set(changes).where('dossier_id', '=', dossierId).execute();
  }
}

export async function listHandovers(db: DbExecutor, dossierId: string): Promise<DossierHandover[]> {
  return db
    .selectFrom('dossier_handovers')
    .selectAll()
    .where('dossier_id', '=', dossierId)
    .orderBy('seq')
    .execute();
}

export async function insertHandover(
  trx: Trx,
  row: Omit<Insertable<DossierHandoverTable>, 'seq'>,
): Promise<number> {
  const last = await trx
    .selectFrom('dossier_handovers')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('dossier_id', '=', row.dossier_id)
    .executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  await trx
    .insertInto('dossier_handovers')
    .values({ ...row, seq })
    .execute();
  return seq;
}

export async function markHandoverReceived(
  trx: Trx,
  id: string,
  receiver: { id: string; name: string; at: Date },
): Promise<void> {
  await trx
    .updateTable('dossier_handovers')
    .set({ received_by: receiver.id, received_by_name: receiver.name, received_at: receiver.at })
    .where('id', '=', id)
    .execute();
}

export async function listSupplements(db: DbExecutor, dossierId: string): Promise<DossierSupplement[]> {
  return db
    .selectFrom('dossier_supplements')
    .selectAll()
    .where('dossier_id', '=', dossierId)
    .orderBy('requested_at')
    .execute();
}

export async function insertSupplement(trx: Trx, row: Insertable<DossierSupplementTable>): Promise<string> {
  const { id } = await trx
    .insertInto('dossier_supplements')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function completeSupplement(
  trx: Trx,
  id: string,
  changes: Updateable<DossierSupplementTable>,
): Promise<void> {
  await trx.updateTable('dossier_supplements').set(changes).where('id', '=', id).execute();
}

export async function insertWorkEvent(
  trx: Trx,
  row: { dossier_id: string; action: string; at: Date; actor_name: string; note: string | null },
): Promise<void> {
  await trx.insertInto('dossier_work_events').values(row).execute();
}

export async function listWorkEvents(db: DbExecutor, dossierId: string): Promise<DossierWorkEvent[]> {
  return db
    .selectFrom('dossier_work_events')
    .selectAll()
    .where('dossier_id', '=', dossierId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function findWarningDays(
  db: DbExecutor,
  unitIds: readonly string[],
): Promise<Map<string, number>> {
  if (unitIds.length === 0) {
    return new Map();
  }
  const rows = await db
    .selectFrom('workflow_unit_settings')
    .selectAll()
    .where('unit_id', 'in', [...unitIds])
    .execute();
  return new Map(rows.map((r) => [r.unit_id, r.warning_working_days]));
}

/** Active staff holding a role on one of these units (assignee choices, hand-over targets). */
export async function listUnitStaff(
  db: DbExecutor,
  unitIds: readonly string[],
): Promise<{ id: string; full_name: string; title: string; role: string; unit_id: string }[]> {
  if (unitIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('staff_roles')
    .innerJoin('staff', 'staff.id', 'staff_roles.staff_id')
    .select(['staff.id', 'staff.full_name', 'staff.title', 'staff_roles.role', 'staff_roles.unit_id'])
    .where('staff_roles.unit_id', 'in', [...unitIds])
    .where('staff.is_disabled', '=', false)
    .orderBy('staff.full_name')
    .execute();
}

/** The latest hand-over not yet received, if any. */
export async function findOpenHandover(
  db: DbExecutor,
  dossierId: string,
): Promise<DossierHandover | undefined> {
  return db
    .selectFrom('dossier_handovers')
    .selectAll()
    .where('dossier_id', '=', dossierId)
    .where('received_at', 'is', null)
    .orderBy('seq', 'desc')
    .executeTakeFirst();
}

/** The supplement request still awaiting the applicant, if any. */
export async function findOpenSupplement(
  db: DbExecutor,
  dossierId: string,
): Promise<DossierSupplement | undefined> {
  return db
    .selectFrom('dossier_supplements')
    .selectAll()
    .where('dossier_id', '=', dossierId)
    .where('supplied_at', 'is', null)
    .orderBy('requested_at', 'desc')
    .executeTakeFirst();
}

import type { DbExecutor } from '../../database.ts';
import type { StaffActor } from '../identity/actor.ts';
import { choosePermittedUnit } from '../identity/list-permitted-units.ts';
import type { Unit } from '../organisation/unit.table.ts';
import type { DeliveryStatus, NotificationOutboxRow } from './notification.table.ts';

export const DELIVERY_STATUSES: readonly DeliveryStatus[] = [
  'pending',
  'sending',
  'sent',
  'failed',
  'skipped',
];

export interface UnitNotifications {
  readonly unit: Unit;
  /** The units the actor may choose from. */
  readonly units: readonly Unit[];
  /** Messages of the unit and the units below it, per delivery status. */
  readonly counts: Readonly<Record<DeliveryStatus, number>>;
  readonly rows: readonly (NotificationOutboxRow & { readonly code: string })[];
}

/**
 * The /thong-bao page: the latest messages of a unit (and the units below it), optionally only those in
 * one delivery status, with the count in each status.
 * @throws AppError FORBIDDEN (no `notification.read` on the unit)
 */
export async function listUnitNotifications(options: {
  db: DbExecutor;
  actor: StaffActor;
  unitId?: string | undefined;
  status?: DeliveryStatus | undefined;
  limit?: number;
}): Promise<UnitNotifications> {
  const { db } = options;
  const { unit, units } = await choosePermittedUnit(db, options.actor, 'notification.read', options.unitId);
  const inSubtree = db.selectFrom('units').select('id').where('path', 'like', `${unit.path}%`);
  const grouped = await db
    .selectFrom('notification_outbox')
    .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
    .where('unit_id', 'in', inSubtree)
    .groupBy('status')
    .execute();
  const counts = Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, 0])) as Record<DeliveryStatus, number>;
  for (const g of grouped) {
    counts[g.status] = Number(g.n);
  }
  let query = db
    .selectFrom('notification_outbox')
    .innerJoin('dossiers', 'dossiers.id', 'notification_outbox.dossier_id')
    .selectAll('notification_outbox')
    .select('dossiers.code')
    .where('notification_outbox.unit_id', 'in', inSubtree);
  if (options.status) {
    query = query.where('notification_outbox.status', '=', options.status);
  }
  const rows = await query
    .orderBy('notification_outbox.event_at', 'desc')
    .orderBy('notification_outbox.id')
    .limit(options.limit ?? 100)
    .execute();
  return { unit, units, counts, rows };
}

import type { DbExecutor } from '../../database.ts';
import type { StaffActor } from '../identity/actor.ts';
import { scopesFor } from '../identity/permissions.ts';
import { DEFAULT_WARNING_WORKING_DAYS } from './list-work-queue.ts';
import { findWarningDays } from './workflow.repository.ts';

/** The warning threshold of each unit the actor configures (issue 7 §5), default 1 working day. */
export async function listWarningThresholds(options: {
  db: DbExecutor;
  actor: StaffActor;
}): Promise<{ unitId: string; unitName: string; days: number; isDefault: boolean }[]> {
  const units = scopesFor(options.actor, 'unit.configure');
  const set = await findWarningDays(
    options.db,
    units.map((u) => u.unitId),
  );
  return units.map((u) => ({
    unitId: u.unitId,
    unitName: u.unitName,
    days: set.get(u.unitId) ?? DEFAULT_WARNING_WORKING_DAYS,
    isDefault: !set.has(u.unitId),
  }));
}

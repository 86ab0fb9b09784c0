import type { DbExecutor } from '../../database.ts';
import type { DeadlineRule } from '../../lib/calendar/index.ts';
import { getEffectiveProcedure } from '../catalogue/get-effective-procedure.ts';

export type IntakeChannel = 'counter' | 'online';

/** Minutes before closing within which an online dossier counts from the next working day. */
const ONLINE_BEFORE_CLOSING_MINUTES = 60;

/**
 * The deadline rule of a procedure as the unit provides it on the day of reception (its version in force
 * then, through the catalogue). Online dossiers received within 1 hour before closing count from the next
 * working day (joint e-procedure decree 11/2025, shared/DOMAIN.md): when the procedure has no cut-off of its
 * own, that one applies; a procedure's own cut-off (15:00 for certification) is earlier and stays.
 *
 * @throws AppError NOT_FOUND when the unit does not provide the procedure at that time
 */
export async function procedureDeadlineRule(options: {
  db: DbExecutor;
  unitId: string;
  procedureCode: string;
  receivedAt: Date;
  channel: IntakeChannel;
}): Promise<DeadlineRule> {
  const procedure = await getEffectiveProcedure({
    db: options.db,
    code: options.procedureCode,
    unitId: options.unitId,
    at: options.receivedAt,
  });
  const rule = procedure.statutoryTime;
  if (options.channel === 'online' && rule.cutoff === undefined) {
    return { ...rule, cutoff: { kind: 'beforeClosing', minutes: ONLINE_BEFORE_CLOSING_MINUTES } };
  }
  return rule;
}

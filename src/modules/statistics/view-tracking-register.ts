// The printable BM.06 tracking register (/thong-ke/so-theo-doi) names every applicant of the period with
// their address and phone: opening it is a staff read of personal data, one `register.viewed` event
// (issue 4 §1) on the register's unit with the period, the procedure asked for and the dossier codes
// listed; a refused read (no `statistics.read`, bad dates) writes nothing. The dashboard and its CSV
// (/thong-ke, /thong-ke.csv, GET /api/v1/statistics) hold counts only and log nothing.
import type { Db } from '../../database.ts';
import { recordRegisterView } from '../dossiers/record-register-view.ts';
import type { StaffActor } from '../identity/actor.ts';
import { getTrackingRegister } from './get-tracking-register.ts';

/**
 * The procedure asked for as the event records it: a code, never whatever else was typed in the query. A
 * run of 9 or more digits is not taken for a code: it has the shape of a personal identifier (9 or 12
 * digits) or a phone number, which staff might type there by mistake.
 */
function procedureFilter(code: string | undefined): string | null {
  if (code === undefined) {
    return null;
  }
  return /^[A-Za-z0-9._-]{1,40}$/.test(code) && !/^\+?\d{9,}$/.test(code) ? code : 'not-a-code';
}

/** @throws AppError FORBIDDEN, VALIDATION_FAILED (those of getTrackingRegister) */
export async function viewTrackingRegister(options: {
  readonly db: Db;
  readonly actor: StaffActor;
  readonly requestId: string | null;
  readonly filter: Parameters<typeof getTrackingRegister>[0]['filter'];
  readonly now?: Date;
}): Promise<Awaited<ReturnType<typeof getTrackingRegister>>> {
  const register = await getTrackingRegister(options);
  await recordRegisterView({
    db: options.db,
    actor: options.actor,
    requestId: options.requestId,
    register: 'tracking',
    unitId: register.unit.id,
    filter: {
      from: register.period.from,
      to: register.period.to,
      procedure: procedureFilter(options.filter.procedureCode),
    },
    dossierCodes: register.lines.map((line) => line.code),
  });
  return register;
}

// The electronic certification register of a commune for one type and one month (issue 7 §3): every field
// of every entry, in number order, for the register page and its monthly print.
import type { DbExecutor } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import type { StaffActor } from '../identity/actor.ts';
import { can } from '../identity/permissions.ts';
import { findUnitById } from '../organisation/unit.repository.ts';
import type { Unit } from '../organisation/unit.table.ts';
import type { SignatureRequestState } from '../signature-requests/signature-request.table.ts';
import type { Certification } from './certification.table.ts';
import type { CertificationKind } from './certification-kind.ts';

export interface RegisterEntry extends Certification {
  readonly dossier_code: string;
  /** The signature request's state: a returned or cancelled one leaves its number void in the register. */
  readonly request_state: SignatureRequestState;
}

/** `YYYY-MM` → the month's bounds in Vietnam's time (UTC+7), as instants. */
export function monthBounds(month: string): { from: Date; to: Date } {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const year = Number(match?.[1]);
  const index = Number(match?.[2]) - 1;
  if (!match || index < 0 || index > 11 || year < 2000 || year > 2200) {
    throw new AppError('VALIDATION_FAILED', 'The month is YYYY-MM.', { fields: { month: 'invalid' } });
  }
  const offset = 7 * 3_600_000;
  return {
    from: new Date(Date.UTC(year, index, 1) - offset),
    to: new Date(Date.UTC(year, index + 1, 1) - offset),
  };
}

/**
 * @throws AppError NOT_FOUND (no such unit), FORBIDDEN (no right to read its registers),
 *   VALIDATION_FAILED (`month`)
 */
export async function listCertificationRegister(options: {
  readonly db: DbExecutor;
  readonly actor: StaffActor;
  readonly unitId: string;
  readonly kind: CertificationKind;
  readonly month: string;
}): Promise<{ unit: Unit; entries: RegisterEntry[] }> {
  const unit = await findUnitById(options.db, options.unitId);
  if (!unit) {
    throw new AppError('NOT_FOUND', 'No such unit.');
  }
  if (!can(options.actor, 'certification.read', unit)) {
    throw new AppError('FORBIDDEN', 'You may not read the certification registers of this unit.');
  }
  const { from, to } = monthBounds(options.month);
  const entries = await options.db
    .selectFrom('certifications as c')
    .innerJoin('dossiers as d', 'd.id', 'c.dossier_id')
    .innerJoin('signature_requests as r', 'r.id', 'c.signature_request_id')
    .selectAll('c')
    .select(['d.code as dossier_code', 'r.state as request_state'])
    .where('c.unit_id', '=', unit.id)
    .where('c.kind', '=', options.kind)
    .where('c.certified_at', '>=', from)
    .where('c.certified_at', '<', to)
    .orderBy('c.year')
    .orderBy('c.seq')
    .execute();
  return { unit, entries };
}

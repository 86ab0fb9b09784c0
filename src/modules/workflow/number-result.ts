// The official number of a result (issue 7 §2; Decree 30/2020 Art. 14–15): the clerk numbers the result
// when sealing it, before the seal signature, from the register of the issuing unit (the signature
// request's unit) for the year, `Số: <n>/<type>-<issuer>`. Two halves:
// - before the seal is signed, `drawResultNumbers` reads the counter and draws the next numbers into the
//   seal's appearance (in batch order), remembering them per request;
// - in the sealing transaction (the completion hook), `takeResultNumber` takes the number from the counter
//   row (the upsert locks it until commit: gapless, and a rolled-back seal gives it back) and writes the
//   register entry. If another seal took that number meanwhile, the seal fails (CONFLICT) and is retried;
//   low volume makes that rare. The entry is covered by the seal's audit event in the same transaction
//   (its state holds the SHA-256 of the sealed PDF, which prints the number).
// A result completed without the seal takes no number (finish-signed-result.ts): the number exists only
// where it is printed, on the seal.
import type { DbExecutor, Trx } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { findEffectiveProcedure } from '../catalogue/find-effective-procedure.ts';
import { findDossierByCode } from '../dossiers/dossier.repository.ts';
import type { StaffActor } from '../identity/actor.ts';
import { findUnitById } from '../organisation/unit.repository.ts';
import type { SignatureRequest } from '../signature-requests/signature-request.table.ts';
import { formatResultNotation, issuerAbbreviation, resultKindOf } from './result-kind.ts';

interface DrawnNumber {
  readonly seq: number;
  readonly year: number;
}

/** Numbers drawn into seals being signed in this process, by request id (consumed by takeResultNumber). */
const drawn = new Map<string, DrawnNumber>();

/** The register year of an instant: the calendar year in Vietnam (Decree 30: 01 from 1 January). */
function registerYear(at: Date): number {
  return new Date(at.getTime() + 7 * 3_600_000).getUTCFullYear();
}

async function describe(db: DbExecutor, request: SignatureRequest) {
  const dossier = await findDossierByCode(db, request.subject_id);
  const unit = await findUnitById(db, request.unit_id);
  if (!dossier || !unit) {
    throw new AppError('NOT_FOUND', 'No such dossier.');
  }
  const procedure = await findEffectiveProcedure({
    db,
    unitId: dossier.unit_id,
    code: dossier.procedure_code,
    at: dossier.received_at,
  });
  const resultType = procedure?.resultType || dossier.procedure_name;
  return {
    dossier,
    kind: resultKindOf(procedure?.resultType),
    issuer: issuerAbbreviation(unit),
    summary: `${resultType} (${dossier.procedure_name})`,
  };
}

async function lastSeq(db: DbExecutor, unitId: string, year: number): Promise<number> {
  const row = await db
    .selectFrom('result_number_counters')
    .select('last_seq')
    .where('unit_id', '=', unitId)
    .where('year', '=', year)
    .executeTakeFirst();
  return row?.last_seq ?? 0;
}

/** Before the seal is signed: the next numbers of the results' registers, as the seal's first line. */
export async function drawResultNumbers(
  db: DbExecutor,
  requests: readonly SignatureRequest[],
  at: Date,
): Promise<ReadonlyMap<string, readonly string[]>> {
  const year = registerYear(at);
  const next = new Map<string, number>();
  const lines = new Map<string, readonly string[]>();
  for (const request of requests) {
    const seq = (next.get(request.unit_id) ?? (await lastSeq(db, request.unit_id, year))) + 1;
    next.set(request.unit_id, seq);
    const { kind, issuer } = await describe(db, request);
    drawn.set(request.id, { seq, year });
    lines.set(request.id, [`Số: ${formatResultNotation(seq, kind, issuer)}`]);
  }
  return lines;
}

/**
 * In the sealing transaction: takes the number from the counter and registers the result.
 *
 * @throws AppError CONFLICT (another result took the number drawn on this seal: seal again)
 */
export async function takeResultNumber(
  trx: Trx,
  request: SignatureRequest,
  clerk: StaffActor,
  at: Date,
): Promise<string> {
  const planned = drawn.get(request.id);
  drawn.delete(request.id);
  const year = planned?.year ?? registerYear(at);
  const row = await trx
    .insertInto('result_number_counters')
    .values({ unit_id: request.unit_id, year, last_seq: 1 })
    .onConflict((oc) =>
      oc
        .columns(['unit_id', 'year'])
        .doUpdateSet((eb) => ({ last_seq: eb('result_number_counters.last_seq', '+', 1) })),
    )
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  if (planned && planned.seq !== row.last_seq) {
    throw new AppError('CONFLICT', 'Another result was numbered meanwhile: seal again for the next number.');
  }
  const { dossier, kind, issuer, summary } = await describe(trx, request);
  const notation = formatResultNotation(row.last_seq, kind, issuer);
  await trx
    .insertInto('result_register')
    .values({
      unit_id: request.unit_id,
      year,
      seq: row.last_seq,
      kind,
      notation,
      dossier_id: dossier.id,
      dossier_code: dossier.code,
      summary,
      applicant_name: dossier.applicant.fullName,
      signature_request_id: request.id,
      numbered_by: clerk.staffId,
      numbered_by_name: clerk.fullName,
      numbered_at: at,
    })
    .execute();
  return notation;
}

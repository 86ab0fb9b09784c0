// The offline proof (C2SP tlog-proof, the entry in its `extra` line) of one event of a subject, for callers
// that authorised the subject themselves (staff of a dossier's unit, the applicant after the lookup check)
// rather than the audit log (auditors: export-audit-proof.ts). An event of another subject is NOT_FOUND.
import type { DbExecutor } from '../../database.ts';
import { formatTlogProof } from '../../lib/tlog/index.ts';
import { AppError } from '../../platform/errors.ts';
import { findCheckpoint, readTreeSize } from './audit-tree.repository.ts';
import { proveAuditInclusion } from './prove-audit-inclusion.ts';

/** The tlog-proof of a logged entry against the latest checkpoint; INVALID_STATE while it awaits one. */
export async function tlogProofOfEntry(
  db: DbExecutor,
  event: { seq: number; entry: string },
): Promise<string> {
  const size = await readTreeSize(db);
  if (event.seq >= size) {
    throw new AppError(
      'INVALID_STATE',
      'The event is not in a signed checkpoint yet; try again in a few seconds.',
    );
  }
  const checkpoint = await findCheckpoint(db, size);
  if (!checkpoint) {
    throw new AppError('INTERNAL', `No checkpoint for the integrated size ${size}.`);
  }
  const { proof } = await proveAuditInclusion({ db, index: event.seq, size });
  return formatTlogProof({
    index: event.seq,
    proof,
    checkpoint: checkpoint.note,
    extra: new TextEncoder().encode(event.entry),
  });
}

export async function exportSubjectEventProof(options: {
  db: DbExecutor;
  subjectType: string;
  subjectId: string;
  seq: number;
}): Promise<string> {
  const event = await options.db
    .selectFrom('audit_events')
    .select(['seq', 'entry'])
    .where('seq', '=', options.seq)
    .where('subject_type', '=', options.subjectType)
    .where('subject_id', '=', options.subjectId)
    .executeTakeFirst();
  if (!event) {
    throw new AppError('NOT_FOUND', `No event ${options.seq} of this ${options.subjectType}.`);
  }
  return tlogProofOfEntry(options.db, { seq: Number(event.seq), entry: event.entry });
}

// The offline proof of one event (issue 4 §5): a C2SP tlog-proof file whose `extra` line carries the entry
// itself, so the file alone, with the log's published verifier key, shows the entry is in the signed log.
import type { Db } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import type { StaffActor } from '../identity/actor.ts';
import { findUnitById } from '../organisation/unit.repository.ts';
import { canReadAuditEvent } from './audit-access.ts';
import { tlogProofOfEntry } from './export-subject-event-proof.ts';

export async function exportAuditProof(options: { db: Db; actor: StaffActor; seq: number }): Promise<string> {
  const event = await options.db
    .selectFrom('audit_events')
    .select(['seq', 'unit_id', 'entry'])
    .where('seq', '=', options.seq)
    .executeTakeFirst();
  const unit = event?.unit_id ? await findUnitById(options.db, event.unit_id) : undefined;
  if (!event || !canReadAuditEvent(options.actor, unit?.path ?? null)) {
    throw new AppError('NOT_FOUND', `No audit event ${options.seq} you may read.`);
  }
  return tlogProofOfEntry(options.db, { seq: Number(event.seq), entry: event.entry });
}

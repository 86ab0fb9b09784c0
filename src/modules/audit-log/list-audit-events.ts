import type { Db } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import type { StaffActor } from '../identity/actor.ts';
import { auditScopes } from './audit-access.ts';
import type { AuditEvent } from './audit-event.table.ts';

/** An event the sequencer has numbered: its entry holds the logged bytes. */
export type SequencedAuditEvent = AuditEvent & { seq: number };

/** The events the auditor may read (FORBIDDEN if none), optionally of one subject. */
function scopedEvents(options: {
  db: Db;
  actor: StaffActor;
  subject?: { type: string; id: string } | undefined;
}) {
  const { paths, hasRoot } = auditScopes(options.actor);
  if (paths.length === 0) {
    throw new AppError('FORBIDDEN', 'Only auditors read the audit log.');
  }
  let query = options.db
    .selectFrom('audit_events')
    .leftJoin('units', 'units.id', 'audit_events.unit_id')
    .selectAll('audit_events')
    .where((eb) =>
      eb.or([
        ...paths.map((p) => eb('units.path', 'like', `${p}%`)),
        ...(hasRoot ? [eb('audit_events.unit_id', 'is', null)] : []),
      ]),
    );
  if (options.subject) {
    query = query
      .where('audit_events.subject_type', '=', options.subject.type)
      .where('audit_events.subject_id', '=', options.subject.id);
  }
  return query;
}

/** Sequenced events the auditor may read, in log order from `fromSeq`, at most `limit` (pending ones aside). */
export async function listAuditEvents(options: {
  db: Db;
  actor: StaffActor;
  fromSeq?: number | undefined;
  limit?: number | undefined;
  subject?: { type: string; id: string } | undefined;
}): Promise<SequencedAuditEvent[]> {
  const rows = await scopedEvents(options)
    .where('audit_events.seq', '>=', options.fromSeq ?? 0)
    .orderBy('audit_events.seq')
    .limit(Math.min(options.limit ?? 100, 1000))
    .execute();
  return rows.map((row) => ({ ...row, seq: Number(row.seq) }));
}

/**
 * Pending events (committed, not yet numbered by the sequencer: a few seconds) the auditor may read, in
 * insertion order, at most `limit`. Their `entry` is not the logged bytes yet (U+0001 stands for `seq`).
 */
export async function listPendingAuditEvents(options: {
  db: Db;
  actor: StaffActor;
  limit?: number | undefined;
  subject?: { type: string; id: string } | undefined;
}): Promise<AuditEvent[]> {
  return scopedEvents(options)
    .where('audit_events.seq', 'is', null)
    .orderBy('audit_events.id')
    .limit(Math.min(options.limit ?? 100, 1000))
    .execute();
}

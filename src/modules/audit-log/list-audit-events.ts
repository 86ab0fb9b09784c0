import type { Db } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import type { StaffActor } from '../identity/actor.ts';
import { auditScopes } from './audit-access.ts';
import type { AuditEvent } from './audit-event.table.ts';

/** Events the auditor may read, in log order from `fromSeq`, at most `limit`. */
export async function listAuditEvents(options: {
  db: Db;
  actor: StaffActor;
  fromSeq?: number | undefined;
  limit?: number | undefined;
  subject?: { type: string; id: string } | undefined;
}): Promise<AuditEvent[]> {
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
    )
    .where('audit_events.seq', '>=', options.fromSeq ?? 0);
  if (options.subject) {
    query = query
      .where('audit_events.subject_type', '=', options.subject.type)
      .where('audit_events.subject_id', '=', options.subject.id);
  }
  const rows = await query
    .orderBy('audit_events.seq')
    .limit(Math.min(options.limit ?? 100, 1000))
    .execute();
  return rows.map((row) => ({ ...row, seq: Number(row.seq) }));
}

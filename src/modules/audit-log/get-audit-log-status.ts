import type { DbExecutor } from '../../database.ts';
import { countPendingEvents, findLatestCheckpoint, readNextSeq } from './audit-tree.repository.ts';

/**
 * What the auditor page shows of the log: events sequenced, events committed but still pending (awaiting
 * the sequencer), the newest checkpoint and who cosigned it.
 */
export async function getAuditLogStatus(options: { db: DbExecutor }) {
  const [events, pending, checkpoint] = await Promise.all([
    readNextSeq(options.db),
    countPendingEvents(options.db),
    findLatestCheckpoint(options.db),
  ]);
  const witnesses = checkpoint
    ? await options.db
        .selectFrom('audit_cosignatures')
        .select('witness')
        .where('size', '=', checkpoint.size)
        .orderBy('witness')
        .execute()
    : [];
  return {
    events,
    pending,
    checkpoint: checkpoint && {
      size: checkpoint.size,
      rootHash: Buffer.from(checkpoint.root_hash).toString('base64'),
      createdAt: checkpoint.created_at,
    },
    witnesses: witnesses.map((w) => w.witness),
  };
}

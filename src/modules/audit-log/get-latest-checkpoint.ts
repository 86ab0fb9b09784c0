import type { DbExecutor } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import type { AuditCheckpoint } from './audit-event.table.ts';
import { findLatestCheckpoint } from './audit-tree.repository.ts';

/**
 * The newest signed checkpoint (C2SP tlog-checkpoint), published at /log/checkpoint; `note` carries the
 * witnesses' cosignature lines after the log's signature.
 */
export async function getLatestCheckpoint(options: { db: DbExecutor }): Promise<AuditCheckpoint> {
  const checkpoint = await findLatestCheckpoint(options.db);
  if (!checkpoint) {
    throw new AppError('NOT_FOUND', 'The audit log has no checkpoint yet.');
  }
  const cosignatures = await options.db
    .selectFrom('audit_cosignatures')
    .select('signature_line')
    .where('size', '=', checkpoint.size)
    .orderBy('witness')
    .execute();
  return { ...checkpoint, note: checkpoint.note + cosignatures.map((c) => c.signature_line).join('') };
}

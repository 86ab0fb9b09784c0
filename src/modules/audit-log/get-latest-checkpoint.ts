import type { DbExecutor } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import type { AuditCheckpoint } from './audit-event.table.ts';
import { findLatestCheckpoint } from './audit-tree.repository.ts';

/** The newest signed checkpoint (C2SP tlog-checkpoint), published at /log/checkpoint. */
export async function getLatestCheckpoint(options: { db: DbExecutor }): Promise<AuditCheckpoint> {
  const checkpoint = await findLatestCheckpoint(options.db);
  if (!checkpoint) {
    throw new AppError('NOT_FOUND', 'The audit log has no checkpoint yet.');
  }
  return checkpoint;
}

import type { DbExecutor } from '../../database.ts';
import { proveConsistency } from '../../lib/tlog/index.ts';
import { AppError } from '../../platform/errors.ts';
import { createCachedHashReader, readIntegratedSize } from './stored-hash-reader.ts';
import { toAppError } from './tlog-errors.ts';

/** RFC 9162 consistency proof from the tree of `from` entries to the tree of `to` (default: integrated). */
export async function proveAuditConsistency(options: {
  db: DbExecutor;
  from: number;
  to?: number | undefined;
}): Promise<{ from: number; to: number; proof: Uint8Array[] }> {
  const treeSize = await readIntegratedSize(options.db, options.to);
  const to = options.to ?? treeSize;
  if (to > treeSize) {
    throw new AppError('NOT_FOUND', `The log has integrated ${treeSize} entries, not ${to}.`);
  }
  try {
    const proof = await proveConsistency(options.from, to, await createCachedHashReader(options.db, to));
    return { from: options.from, to, proof };
  } catch (error) {
    throw toAppError(error);
  }
}

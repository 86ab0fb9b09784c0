import type { DbExecutor } from '../../database.ts';
import { proveInclusion } from '../../lib/tlog/index.ts';
import { AppError } from '../../platform/errors.ts';
import { createCachedHashReader, readIntegratedSize } from './stored-hash-reader.ts';
import { toAppError } from './tlog-errors.ts';

/** RFC 9162 inclusion proof of entry `index` in the tree of `size` (default: the integrated tree). */
export async function proveAuditInclusion(options: {
  db: DbExecutor;
  index: number;
  size?: number | undefined;
}): Promise<{ index: number; size: number; proof: Uint8Array[] }> {
  const treeSize = await readIntegratedSize(options.db, options.size);
  const size = options.size ?? treeSize;
  if (size > treeSize) {
    throw new AppError('NOT_FOUND', `The log has integrated ${treeSize} entries, not ${size}.`);
  }
  try {
    const proof = await proveInclusion(options.index, size, await createCachedHashReader(options.db, size));
    return { index: options.index, size, proof };
  } catch (error) {
    throw toAppError(error);
  }
}

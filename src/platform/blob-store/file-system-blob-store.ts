import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type BlobStore, SHA256_HEX, type StoredBlob } from './blob-store.ts';

/**
 * Blobs under `<root>/<aa>/<sha256>` (aa = the first two hex digits, so no folder grows past 1/256 of
 * the files). A blob is written to a temporary file in the same folder, flushed, then renamed: rename is
 * atomic on POSIX, so a crash leaves either the whole blob or none of it (only a stray `.tmp-*` file).
 */
export function createFileSystemBlobStore(root: string): BlobStore {
  const pathOf = (sha256: string) => join(root, sha256.slice(0, 2), sha256);

  async function exists(path: string): Promise<boolean> {
    try {
      return (await stat(path)).isFile();
    } catch {
      return false;
    }
  }

  return {
    async put(bytes: Uint8Array): Promise<StoredBlob> {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const path = pathOf(sha256);
      if (await exists(path)) {
        return { sha256, size: bytes.byteLength };
      }
      await mkdir(join(root, sha256.slice(0, 2)), { recursive: true });
      const temporary = `${path}.tmp-${randomBytes(6).toString('hex')}`;
      try {
        await writeFile(temporary, bytes, { flush: true });
        await rename(temporary, path);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
      return { sha256, size: bytes.byteLength };
    },
    async get(sha256: string): Promise<Uint8Array | undefined> {
      if (!SHA256_HEX.test(sha256)) {
        return undefined;
      }
      try {
        return new Uint8Array(await readFile(pathOf(sha256)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          return undefined;
        }
        throw error;
      }
    },
    async has(sha256: string): Promise<boolean> {
      return SHA256_HEX.test(sha256) && exists(pathOf(sha256));
    },
  };
}

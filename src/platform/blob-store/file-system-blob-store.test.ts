import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createFileSystemBlobStore } from './file-system-blob-store.ts';

const root = mkdtempSync(join(tmpdir(), 'xaso-blobs-'));
after(() => rmSync(root, { recursive: true, force: true }));

test('put stores the bytes once under <aa>/<sha256>; get and has find them; nothing temporary is left', async () => {
  const store = createFileSystemBlobStore(root);
  const bytes = new TextEncoder().encode('giấy tờ quét');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  assert.equal(await store.has(sha256), false);
  assert.deepEqual(await store.put(bytes), { sha256, size: bytes.byteLength });
  assert.deepEqual(await store.put(bytes), { sha256, size: bytes.byteLength });
  assert.deepEqual(readdirSync(join(root, sha256.slice(0, 2))), [sha256]);
  assert.equal(await store.has(sha256), true);
  assert.deepEqual(await store.get(sha256), bytes);
  assert.equal(await store.get('0'.repeat(64)), undefined);
  // Names that are not a SHA-256 never reach the file system (no path traversal).
  assert.equal(await store.get('../../etc/passwd'), undefined);
  assert.equal(await store.has(`${sha256.slice(0, 63)}/`), false);
});

test('concurrent puts of the same bytes leave one whole blob', async () => {
  const store = createFileSystemBlobStore(root);
  const bytes = new Uint8Array(256 * 1024).fill(7);
  const results = await Promise.all(Array.from({ length: 8 }, () => store.put(bytes)));
  const sha256 = results[0]?.sha256 ?? '';
  assert.ok(results.every((r) => r.sha256 === sha256));
  assert.deepEqual(readdirSync(join(root, sha256.slice(0, 2))), [sha256]);
  assert.deepEqual(await store.get(sha256), bytes);
});

// The roots a verification trusts (issue 5 §5): the root CAs this deployment knows, the development root
// or an imported government root, as DER.
import type { DbExecutor } from '../../database.ts';
import { listAuthorities } from './signing.repository.ts';

export async function listTrustAnchors(db: DbExecutor): Promise<Uint8Array[]> {
  const authorities = await listAuthorities(db);
  return authorities
    .filter((a) => a.role === 'root')
    .map((a) => new Uint8Array(Buffer.from(a.certificate, 'base64')));
}

// A signer certificate's revocation status for the public verification page (issue 5 §5), from the data
// our CRL and OCSP responder answer from (pki-responders.ts): only for certificates issued by a CA whose
// key this server operates. A certificate from an imported external CA (or an imported PKCS#12 credential)
// is "not checked": its CRL distribution point / OCSP responder is on the network, which a public page
// does not reach (RFC 5280 §4.2.1.13, RFC 6960), and a status we do not hold must not be guessed.
import { createHash } from 'node:crypto';
import type { DbExecutor } from '../../database.ts';
import { isRevoked } from './pki-responders.ts';

export type CertificateStatus =
  | { readonly state: 'good'; readonly checkedAt: Date }
  | { readonly state: 'revoked'; readonly revokedAt: Date; readonly reason: string | null }
  | { readonly state: 'not-checked' };

/** `serialHex` as verifyPdf reports it; `certificateSha256` (hex) pins the exact certificate. */
export async function findCertificateStatus(
  db: DbExecutor,
  options: { serialHex: string; certificateSha256: string; now?: Date },
): Promise<CertificateStatus> {
  const rows = await db
    .selectFrom('signing_credentials as c')
    .innerJoin('signing_authorities as a', 'a.id', 'c.authority_id')
    .selectAll('c')
    .select('a.encrypted_key as authority_key')
    .where('c.serial', '=', options.serialHex.toLowerCase())
    .execute();
  const match = rows.find(
    (row) =>
      row.authority_key !== null &&
      createHash('sha256').update(Buffer.from(row.certificate, 'base64')).digest('hex') ===
        options.certificateSha256,
  );
  if (!match) {
    return { state: 'not-checked' };
  }
  return isRevoked(match)
    ? { state: 'revoked', revokedAt: match.revoked_at, reason: match.revocation_reason }
    : { state: 'good', checkedAt: options.now ?? new Date() };
}

// The public PKI endpoints' use cases (issue 5 §1): a CRL per CA (RFC 5280 §5), the OCSP responder
// (RFC 6960) answering for every CA this server operates, and the RFC 3161 timestamp authority. All sign
// with keys wrapped by the KEK only: the server runs them on its own.

import type { Db } from '../../database.ts';
import {
  createCrl,
  createOcspResponse,
  createTimestampAuthority,
  matchesOcspRequest,
  type OcspEntry,
  PkiError,
  parseOcspRequest,
  type RevocationReason,
  type TimestampAuthority,
} from '../../lib/pki/index.ts';
import { AppError } from '../../platform/errors.ts';
import { der, findOperatedAuthority, openAuthority } from './authority-keys.ts';
import {
  findAuthority,
  findCredentialsBySerial,
  listAuthorities,
  listRevokedOf,
  nextCrlNumber,
} from './signing.repository.ts';
import type { SigningCredential } from './signing.table.ts';

/** CRLs are re-issued on every request, valid a day (a relying party caches them until nextUpdate). */
const CRL_VALIDITY_MS = 24 * 3600 * 1000;
/** OCSP answers are fresh per request and valid an hour. */
const OCSP_VALIDITY_MS = 3600 * 1000;

/** Revoked for CRL and OCSP (and the public verification page): revoked, or superseded by a renewal. */
export function isRevoked(
  credential: SigningCredential,
): credential is SigningCredential & { revoked_at: Date } {
  return credential.revoked_at !== null && credential.status !== 'active';
}

/** `GET /pki/crl/<ca>.crl`: the DER CRL of a CA whose key this server holds. */
export async function issueCrl(options: {
  db: Db;
  keyEncryptionKey: Uint8Array;
  authorityId: string;
  now?: Date;
}) {
  const now = options.now ?? new Date();
  const authority = await findAuthority(options.db, options.authorityId);
  if (!authority || (authority.role !== 'issuing' && authority.role !== 'root') || !authority.encrypted_key) {
    throw new AppError('NOT_FOUND', 'No CRL for this authority.');
  }
  const opened = await openAuthority(options.db, authority, options.keyEncryptionKey);
  // A root revokes issuing CAs; none is revoked here, so a root's CRL is empty.
  const revoked =
    authority.role === 'issuing' ? (await listRevokedOf(options.db, authority.id)).filter(isRevoked) : [];
  return createCrl({
    issuer: opened.certificate,
    issuerKey: opened.privateKey,
    revoked: revoked.map((c) => ({
      serial: c.serial,
      at: c.revoked_at,
      ...(c.revocation_reason ? { reason: c.revocation_reason as RevocationReason } : {}),
    })),
    thisUpdate: now,
    nextUpdate: new Date(now.getTime() + CRL_VALIDITY_MS),
    crlNumber: BigInt(await nextCrlNumber(options.db, authority.id)),
  });
}

/** `POST /pki/ocsp`: an OCSPResponse (DER) for a DER OCSPRequest, signed by the delegated responder. */
export async function answerOcsp(options: {
  db: Db;
  keyEncryptionKey: Uint8Array;
  request: Uint8Array;
  now?: Date;
}): Promise<Uint8Array> {
  const now = options.now ?? new Date();
  let parsed: ReturnType<typeof parseOcspRequest>;
  try {
    parsed = parseOcspRequest(options.request);
  } catch (cause) {
    if (cause instanceof PkiError) {
      throw new AppError('VALIDATION_FAILED', 'Not a DER OCSP request.', { cause });
    }
    throw cause;
  }
  const authorities = (await listAuthorities(options.db)).filter((a) => a.role === 'issuing');
  const first = parsed.requests[0];
  const issuer = first ? authorities.find((a) => matchesOcspRequest(first, der(a.certificate))) : undefined;
  const responderRow = await findOperatedAuthority(options.db, 'ocsp');
  if (!issuer || !responderRow || responderRow.parent_id !== issuer.id) {
    // Not one of our CAs (or no delegated responder for it): RFC 6960 §2.3 "unauthorized".
    return Uint8Array.from([0x30, 0x03, 0x0a, 0x01, 0x06]);
  }
  const responder = await openAuthority(options.db, responderRow, options.keyEncryptionKey);
  const issuerDer = der(issuer.certificate);
  const asked = parsed.requests.filter((r) => matchesOcspRequest(r, issuerDer));
  const known = new Map(
    (
      await findCredentialsBySerial(
        options.db,
        issuer.id,
        asked.map((r) => r.serial),
      )
    ).map((c) => [c.serial, c]),
  );
  const entries: OcspEntry[] = asked.map((r) => {
    const credential = known.get(r.serial);
    const common = {
      serial: r.serial,
      thisUpdate: now,
      nextUpdate: new Date(now.getTime() + OCSP_VALIDITY_MS),
    };
    if (!credential) {
      return { ...common, status: 'unknown' };
    }
    if (isRevoked(credential)) {
      return {
        ...common,
        status: 'revoked',
        revokedAt: credential.revoked_at,
        ...(credential.revocation_reason ? { reason: credential.revocation_reason as RevocationReason } : {}),
      };
    }
    return { ...common, status: 'good' };
  });
  return createOcspResponse({
    issuer: issuerDer,
    responderCertificate: responder.certificate,
    responderKey: responder.privateKey,
    entries,
    producedAt: now,
    ...(parsed.nonce ? { nonce: parsed.nonce } : {}),
    ...(first?.hashAlgorithm === '2.16.840.1.101.3.4.2.1' ? { certIdHash: 'sha256' as const } : {}),
  });
}

/** The in-process RFC 3161 TSA over the stored TSA key (for `POST /pki/tsa` and in-process signing). */
export async function openTimestampAuthority(options: {
  db: Db;
  keyEncryptionKey: Uint8Array;
  clock?: () => Date;
}): Promise<TimestampAuthority> {
  const row = await findOperatedAuthority(options.db, 'tsa');
  if (!row) {
    throw new AppError('INVALID_STATE', 'No timestamp authority is configured.');
  }
  const tsa = await openAuthority(options.db, row, options.keyEncryptionKey);
  return createTimestampAuthority({
    certificate: tsa.certificate,
    privateKey: tsa.privateKey,
    chain: tsa.chain,
    ...(options.clock ? { clock: options.clock } : {}),
  });
}

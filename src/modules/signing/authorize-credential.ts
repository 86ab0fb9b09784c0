// CSC API v2 credentials/authorize (issue 5 §3; ETSI TS 119 432 "SCAL2"): the holder proves sole control
// with PIN and one-time code and gets signature activation data (SAD) bound to exactly the hashes listed,
// valid 5 minutes and for one signHash. Only the SAD's SHA-256 is stored; the data key is re-wrapped
// under a key derived from the SAD itself, so signHash needs the SAD and not the PIN.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import type { StaffActor } from '../identity/actor.ts';
import { assertUsable, recordFailedActivation, unwrapWithPin } from './activate-credential.ts';
import { rememberActivation, useActivation } from './activation-cache.ts';
import { wrapForSad } from './key-envelope.ts';
import { MAX_WRONG_PINS } from './pin-policy.ts';
import { SHA256_OID } from './signature-oids.ts';
import { findHeldCredentialWithTotp, insertSadConsumingCode } from './signing.repository.ts';
import { matchTotpStep } from './totp.ts';

export const SAD_TTL_SECONDS = 300;
/** A batch signs at most this many documents under one authorisation. */
export const MAX_HASHES_PER_SAD = 100;

export interface AuthorizeCredentialOptions {
  readonly db: Db;
  readonly keyEncryptionKey: Uint8Array;
  readonly actor: StaffActor;
  readonly requestId: string | null;
  readonly credentialId: string;
  readonly numSignatures: number;
  /** base64 SHA-256 digests. */
  readonly hashes: readonly string[];
  readonly hashAlgorithmOid: string;
  readonly pin: string;
  readonly otp: string;
  readonly now?: Date;
}

export function sadHash(sad: string): string {
  return createHash('sha256').update(sad).digest('hex');
}

/** Canonical base64 of each 32-byte digest, or VALIDATION_FAILED naming the offending field. */
export function parseHashes(hashes: readonly string[], hashAlgorithmOid: string): string[] {
  if (hashAlgorithmOid !== SHA256_OID) {
    throw new AppError('VALIDATION_FAILED', 'Only SHA-256 hashes are signed.', {
      fields: { hashAlgorithmOID: 'unsupported' },
    });
  }
  if (hashes.length === 0 || hashes.length > MAX_HASHES_PER_SAD) {
    throw new AppError('VALIDATION_FAILED', `Between 1 and ${MAX_HASHES_PER_SAD} hashes.`, {
      fields: { hashes: 'count' },
    });
  }
  return hashes.map((hash) => {
    const bytes = Buffer.from(hash, 'base64');
    if (bytes.length !== 32 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(hash)) {
      throw new AppError('VALIDATION_FAILED', 'Each hash is a base64 SHA-256 digest.', {
        fields: { hashes: 'invalid' },
      });
    }
    return bytes.toString('base64');
  });
}

export async function authorizeCredential(
  options: AuthorizeCredentialOptions,
): Promise<{ sad: string; expiresIn: number }> {
  const now = options.now ?? new Date();
  const hashes = parseHashes(options.hashes, options.hashAlgorithmOid);
  if (options.numSignatures !== hashes.length || new Set(hashes).size !== hashes.length) {
    throw new AppError('VALIDATION_FAILED', 'numSignatures must equal the number of distinct hashes.', {
      fields: { numSignatures: 'mismatch' },
    });
  }
  // Round trips (the benchmark's budget): one read (credential + authenticator), then one transaction of
  // two statements: the SAD insert that also consumes the code, and the audit event.
  const held = /^[0-9a-f-]{36}$/i.test(options.credentialId)
    ? await findHeldCredentialWithTotp(options.db, options.actor.staffId, options.credentialId)
    : undefined;
  if (!held) {
    throw new AppError('NOT_FOUND', 'No such credential.', { fields: { credentialID: 'unknown' } });
  }
  const { credential } = held;
  assertUsable(credential, now);
  // A recent activation by PIN + code skips the scrypt derivation; the PIN is still checked (activation-cache.ts).
  const dataKey =
    useActivation(credential, options.pin, now) ??
    (await unwrapWithPin({
      db: options.db,
      keyEncryptionKey: options.keyEncryptionKey,
      credential,
      pin: options.pin,
      requestId: options.requestId,
      now,
    }));
  const sad = `sad_${randomBytes(32).toString('base64url')}`;
  const step = await matchTotpStep({
    keyEncryptionKey: options.keyEncryptionKey,
    staffId: options.actor.staffId,
    totp: held.totp,
    code: options.otp,
    now,
    requireConfirmed: true,
  });
  const outcome =
    step === undefined
      ? 'code-refused'
      : await options.db.transaction().execute(async (trx) => {
          const written = await insertSadConsumingCode(trx, {
            staffId: options.actor.staffId,
            credentialId: credential.id,
            expectedWrap: credential.wrapped_data_key,
            step,
            idHash: sadHash(sad),
            hashes,
            sadWrappedDataKey: wrapForSad(dataKey, options.keyEncryptionKey, sad),
            expiresAt: new Date(now.getTime() + SAD_TTL_SECONDS * 1000),
          });
          if (!written.isInserted) {
            // Nothing was written that must stay (the code's step is given back with the rollback).
            return written.isCodeFresh ? 'credential-changed' : 'code-refused';
          }
          await appendAuditEvent(trx, {
            actor: { type: 'staff', id: options.actor.staffId },
            unitId: credential.unit_id,
            subjectType: 'credential',
            subjectId: credential.id,
            requestId: options.requestId,
            at: now,
            action: 'signing.authorized',
            details: { sad: sadHash(sad).slice(0, 16), hashes },
          });
          return 'authorized';
        });
  if (outcome === 'authorized') {
    rememberActivation(credential, options.pin, dataKey, now);
  }
  dataKey.fill(0);
  if (outcome === 'credential-changed') {
    throw new AppError('INVALID_STATE', 'The credential changed during the authorisation; try again.');
  }
  if (outcome === 'code-refused') {
    const failures = await recordFailedActivation({
      db: options.db,
      credential,
      factor: 'OTP',
      requestId: options.requestId,
      now,
    });
    throw new AppError('INVALID_CREDENTIALS', 'The one-time code is not valid (or was already used).', {
      fields: { OTP: 'invalid', remaining: String(MAX_WRONG_PINS - failures) },
    });
  }
  return { sad, expiresIn: SAD_TTL_SECONDS };
}

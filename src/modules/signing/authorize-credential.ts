// CSC API v2 credentials/authorize (issue 5 §3; ETSI TS 119 432 "SCAL2"): the holder proves sole control
// with PIN and one-time code and gets signature activation data (SAD) bound to exactly the hashes listed,
// valid 5 minutes and for one signHash. Only the SAD's SHA-256 is stored; the data key is re-wrapped
// under a key derived from the SAD itself, so signHash needs the SAD and not the PIN.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import type { StaffActor } from '../identity/actor.ts';
import {
  assertUsable,
  getHeldCredential,
  recordFailedActivation,
  unwrapWithPin,
} from './activate-credential.ts';
import { rememberActivation, useActivation } from './activation-cache.ts';
import { wrapForSad } from './key-envelope.ts';
import { MAX_WRONG_PINS } from './pin-policy.ts';
import { SHA256_OID } from './signature-oids.ts';
import { consumeTotpCode } from './totp.ts';

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
  const credential = await getHeldCredential(options.db, options.actor.staffId, options.credentialId);
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
  const common = {
    actor: { type: 'staff', id: options.actor.staffId } as const,
    unitId: credential.unit_id,
    subjectType: 'credential',
    subjectId: credential.id,
    requestId: options.requestId,
    at: now,
  };
  const isAuthorized = await options.db.transaction().execute(async (trx) => {
    const otpOk = await consumeTotpCode(trx, {
      keyEncryptionKey: options.keyEncryptionKey,
      staffId: options.actor.staffId,
      code: options.otp,
      now,
      requireConfirmed: true,
    });
    if (!otpOk) {
      return false;
    }
    if (credential.failed_pins > 0) {
      await trx
        .updateTable('signing_credentials')
        .set({ failed_pins: 0 })
        .where('id', '=', credential.id)
        .execute();
    }
    await trx
      .insertInto('signing_sads')
      .values({
        id_hash: sadHash(sad),
        credential_id: credential.id,
        staff_id: options.actor.staffId,
        hashes: JSON.stringify(hashes),
        wrapped_data_key: wrapForSad(dataKey, options.keyEncryptionKey, sad),
        expires_at: new Date(now.getTime() + SAD_TTL_SECONDS * 1000),
        used_at: null,
        signatures: null,
      })
      .execute();
    await appendAuditEvent(trx, {
      ...common,
      action: 'signing.authorized',
      details: { sad: sadHash(sad).slice(0, 16), hashes },
    });
    return true;
  });
  if (isAuthorized) {
    rememberActivation(credential, options.pin, dataKey, now);
  }
  dataKey.fill(0);
  if (!isAuthorized) {
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

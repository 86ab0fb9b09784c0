// CSC API v2 signatures/signHash (issue 5 §3): signs hashes under a SAD from credentials/authorize. Every
// hash must be one the SAD was issued for; the SAD must belong to this holder and credential, be unexpired
// and unused; it is spent by the first call. A retry of the same request (lost response on a weak mobile
// connection) gets the same signatures back instead of an error, and never a second set of signatures.
import type { Db } from '../../database.ts';
import { createKeySigner } from '../../lib/pki/index.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import type { StaffActor } from '../identity/actor.ts';
import { assertUsable, getHeldCredential } from './activate-credential.ts';
import { activatedSigner } from './activation-cache.ts';
import { der } from './authority-keys.ts';
import { parseHashes, sadHash } from './authorize-credential.ts';
import { decryptPrivateKey, unwrapForSad } from './key-envelope.ts';
import { signAlgorithmsFor } from './signature-oids.ts';
import { findSadWithCredentialForUpdate } from './signing.repository.ts';

export interface SignHashesOptions {
  readonly db: Db;
  readonly keyEncryptionKey: Uint8Array;
  readonly actor: StaffActor;
  readonly requestId: string | null;
  readonly credentialId: string;
  readonly sad: string;
  readonly hashes: readonly string[];
  readonly hashAlgorithmOid: string;
  readonly signAlgorithmOid: string;
  readonly now?: Date;
}

const invalidSad = (why: string) =>
  new AppError('VALIDATION_FAILED', `Invalid SAD: ${why}.`, { fields: { SAD: 'invalid' } });

/** Signatures (base64), in the order of `hashes`. */
export async function signHashes(options: SignHashesOptions): Promise<string[]> {
  const now = options.now ?? new Date();
  const hashes = parseHashes(options.hashes, options.hashAlgorithmOid);
  const assertSignAlgo = (keyAlgorithm: string) => {
    if (!signAlgorithmsFor(keyAlgorithm).includes(options.signAlgorithmOid)) {
      throw new AppError('VALIDATION_FAILED', 'signAlgo does not match the credential’s key.', {
        fields: { signAlgo: 'unsupported' },
      });
    }
  };
  // Round trips: one transaction of three statements (the SAD locked with its credential, the SAD spent,
  // the audit event). The holder's credential is read on its own only to name the error of a bad request.
  return options.db.transaction().execute(async (trx) => {
    const found = await findSadWithCredentialForUpdate(trx, sadHash(options.sad));
    if (
      !found ||
      found.credential.id !== options.credentialId ||
      found.sad.staff_id !== options.actor.staffId ||
      found.credential.holder_staff_id !== options.actor.staffId
    ) {
      const held = await getHeldCredential(trx, options.actor.staffId, options.credentialId);
      assertSignAlgo(held.key_algorithm);
      throw invalidSad('unknown for this credential');
    }
    const { sad: row, credential } = found;
    assertSignAlgo(credential.key_algorithm);
    if (row.expires_at <= now) {
      throw invalidSad('expired');
    }
    const authorised = new Set(row.hashes);
    if (!hashes.every((h) => authorised.has(h))) {
      throw invalidSad('a hash was not authorised');
    }
    if (row.used_at) {
      const earlier = new Map((row.signatures ?? []).map((pair) => pair.split(' ') as [string, string]));
      const replay = hashes.map((h) => earlier.get(h));
      if (replay.every((s) => s !== undefined)) {
        return replay as string[];
      }
      throw invalidSad('already used');
    }
    assertUsable(credential, now);
    const dataKey = unwrapForSad(row.wrapped_data_key, options.keyEncryptionKey, options.sad);
    if (!dataKey) {
      throw invalidSad('does not open the key');
    }
    // The activation's signer when this SAD's data key is the activated one (activation-cache.ts).
    const signer = activatedSigner(credential, dataKey, now, () =>
      createKeySigner({
        privateKey: decryptPrivateKey(
          {
            encryptedKey: credential.encrypted_key,
            wrappedDataKey: credential.wrapped_data_key,
            pinSalt: credential.pin_salt,
          },
          dataKey,
          credential.id,
        ),
        certificate: der(credential.certificate),
      }),
    );
    dataKey.fill(0);
    const signatures: string[] = [];
    for (const hash of hashes) {
      const signature = await signer.signDigest(Buffer.from(hash, 'base64'));
      signatures.push(Buffer.from(signature).toString('base64'));
    }
    await trx
      .updateTable('signing_sads')
      .set({
        used_at: now,
        signatures: JSON.stringify(hashes.map((h, i) => `${h} ${signatures[i]}`)),
      })
      .where('id_hash', '=', row.id_hash)
      .execute();
    await appendAuditEvent(trx, {
      actor: { type: 'staff', id: options.actor.staffId },
      action: 'signing.hashes_signed',
      unitId: credential.unit_id,
      subjectType: 'credential',
      subjectId: credential.id,
      requestId: options.requestId,
      at: now,
      details: { sad: row.id_hash.slice(0, 16), hashes, signAlgo: options.signAlgorithmOid },
    });
    return signatures;
  });
}

// Issues a signing credential (issue 5 §1–2): a key generated on the server (RSA-2048 or P-256), a
// certificate from the default issuing CA, the key sealed under KEK + PIN. The unit administrator issues
// (or the system, for the demo seed); the holder receives a one-time activation PIN unless one is given.
import { generateKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import type { Db } from '../../database.ts';
import { developmentPolicyOid, issueCertificate } from '../../lib/pki/index.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import type { StaffActor } from '../identity/actor.ts';
import { assertCan } from '../identity/permissions.ts';
import { findUnitById } from '../organisation/unit.repository.ts';
import { openAuthority } from './authority-keys.ts';
import { getHolderOnUnit, sealedCredentialRow } from './credential-record.ts';
import { credentialSubject } from './credential-subject.ts';
import { ensureDevelopmentPki } from './ensure-development-pki.ts';
import { assertPinPolicy, newActivationPin } from './pin-policy.ts';
import { insertCredential } from './signing.repository.ts';
import type { CredentialKind } from './signing.table.ts';

export type CredentialKeyAlgorithm = 'rsa-2048' | 'ec-p256';

export interface IssueCredentialOptions {
  readonly db: Db;
  readonly keyEncryptionKey: Uint8Array;
  /** The unit administrator, or null for the system (demo seed). */
  readonly actor: StaffActor | null;
  readonly requestId: string | null;
  readonly kind: CredentialKind;
  readonly unitId: string;
  /** The official (personal) or the clerk keeping the seal. */
  readonly holderStaffId: string;
  /** Default: RSA-2048 for personal, P-256 for seals. */
  readonly keyAlgorithm?: CredentialKeyAlgorithm;
  /** The holder's PIN; when absent an 8-digit activation PIN is generated and returned once. */
  readonly pin?: string;
  /** 12-digit citizen identity number for UID=CCCD:… (personal certificates). */
  readonly identityNumber?: string;
  /** Base URL for the OCSP and CRL URLs in the certificate (none when absent). */
  readonly publicUrl?: string;
  readonly validityDays?: number;
  readonly now?: Date;
  /** Internal: the credential this issuance renews (renew-credential.ts). */
  readonly renewsId?: string;
}

export interface IssuedCredential {
  readonly credentialId: string;
  readonly certificate: Uint8Array;
  /** Present when no PIN was given: hand it to the holder, who changes it. Never stored. */
  readonly activationPin?: string;
}

const generate = promisify(generateKeyPair);

export async function generateCredentialKey(algorithm: CredentialKeyAlgorithm): Promise<KeyObject> {
  const pair =
    algorithm === 'ec-p256'
      ? await generate('ec', { namedCurve: 'prime256v1' })
      : await generate('rsa', { modulusLength: 2048 });
  return pair.privateKey;
}

export async function issueCredential(options: IssueCredentialOptions): Promise<IssuedCredential> {
  const now = options.now ?? new Date();
  const unit = await findUnitById(options.db, options.unitId);
  if (!unit) {
    throw new AppError('VALIDATION_FAILED', 'Unknown unit.', { fields: { unitId: 'unknownUnit' } });
  }
  if (options.actor) {
    assertCan(options.actor, 'unit.configure', unit);
  }
  const holder = await getHolderOnUnit(options.db, options.holderStaffId, unit.id);
  if (options.pin !== undefined) {
    assertPinPolicy(options.pin);
  }
  const pin = options.pin ?? newActivationPin();
  const issuerRow = await ensureDevelopmentPki({
    db: options.db,
    keyEncryptionKey: options.keyEncryptionKey,
  });
  const issuer = await openAuthority(options.db, issuerRow, options.keyEncryptionKey);
  const algorithm = options.keyAlgorithm ?? (options.kind === 'seal' ? 'ec-p256' : 'rsa-2048');
  const privateKey = await generateCredentialKey(algorithm);
  const subject = await credentialSubject(options.db, {
    kind: options.kind,
    unit,
    holder,
    ...(options.identityNumber ? { identityNumber: options.identityNumber } : {}),
  });
  const notBefore = new Date(now.getTime() - 5 * 60_000);
  const certificate = issueCertificate({
    profile: options.kind === 'seal' ? 'organisation' : 'personal',
    subject,
    publicKey: privateKey,
    issuer: { certificate: issuer.certificate, privateKey: issuer.privateKey },
    notBefore,
    notAfter: new Date(notBefore.getTime() + (options.validityDays ?? 730) * 86_400_000),
    policies: [developmentPolicyOid],
    ...(options.publicUrl
      ? {
          ocspUrl: `${options.publicUrl}/pki/ocsp`,
          crlUrl: `${options.publicUrl}/pki/crl/${issuerRow.id}.crl`,
        }
      : {}),
  });
  const row = sealedCredentialRow({
    kind: options.kind,
    holderStaffId: holder.id,
    unitId: unit.id,
    authorityId: issuerRow.id,
    certificate,
    chain: [issuer.certificate, ...issuer.chain],
    privateKey,
    keyEncryptionKey: options.keyEncryptionKey,
    pin,
    ...(options.renewsId ? { renewsId: options.renewsId } : {}),
  });
  const id = row.id;
  await options.db.transaction().execute(async (trx) => {
    await insertCredential(trx, row);
    await appendAuditEvent(trx, {
      actor: options.actor ? { type: 'staff', id: options.actor.staffId } : { type: 'system', id: null },
      action: options.renewsId ? 'signing.credential_renewed' : 'signing.credential_issued',
      unitId: unit.id,
      subjectType: 'credential',
      subjectId: id,
      requestId: options.requestId,
      at: now,
      details: {
        kind: options.kind,
        holder: holder.id,
        serial: row.serial,
        key: row.key_algorithm,
        ...(options.renewsId ? { renews: options.renewsId } : {}),
      },
    });
  });
  return {
    credentialId: id,
    certificate,
    ...(options.pin === undefined ? { activationPin: pin } : {}),
  };
}

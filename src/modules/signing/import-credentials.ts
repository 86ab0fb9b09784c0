// Imports that let a real government CA replace the demo one (issue 5 §1): an external CA chain (root
// and issuing CA certificates, keys stay with that CA) and PKCS#12 credentials issued by it, whose key is
// re-sealed here under KEK + the holder's PIN like any generated key.
import type { Db } from '../../database.ts';
import { describeCertificate, PkiError, readPkcs12, verifyCertificate } from '../../lib/pki/index.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import type { StaffActor } from '../identity/actor.ts';
import { assertCan } from '../identity/permissions.ts';
import { findUnitById } from '../organisation/unit.repository.ts';
import { getHolderOnUnit, sealedCredentialRow } from './credential-record.ts';
import { assertPinPolicy } from './pin-policy.ts';
import { insertCredential, listAuthorities } from './signing.repository.ts';
import type { CredentialKind } from './signing.table.ts';

const b64 = (der: Uint8Array) => Buffer.from(der).toString('base64');

/** PEM (one or more CERTIFICATE blocks) or a single DER certificate → DER list. */
export function readCertificates(input: Uint8Array): Uint8Array[] {
  const text = Buffer.from(input).toString('latin1');
  if (!text.includes('-----BEGIN CERTIFICATE-----')) {
    return [new Uint8Array(input)];
  }
  return [...text.matchAll(/-----BEGIN CERTIFICATE-----([^-]+)-----END CERTIFICATE-----/g)].map(
    (m) => new Uint8Array(Buffer.from((m[1] ?? '').replace(/\s+/g, ''), 'base64')),
  );
}

async function loadUnitAsAdmin(db: Db, actor: StaffActor, unitId: string) {
  const unit = await findUnitById(db, unitId);
  if (!unit) {
    throw new AppError('VALIDATION_FAILED', 'Unknown unit.', { fields: { unitId: 'unknownUnit' } });
  }
  assertCan(actor, 'unit.configure', unit);
  return unit;
}

/**
 * Stores an external root + issuing CA (trust anchors and intermediates for verification, and the
 * `authority_id` of imported credentials). Only administrators of a top-level unit (a province) may.
 */
export async function importCaChain(options: {
  db: Db;
  actor: StaffActor;
  requestId: string | null;
  unitId: string;
  certificates: Uint8Array;
  now?: Date;
}): Promise<{ authorityIds: string[] }> {
  const now = options.now ?? new Date();
  const unit = await loadUnitAsAdmin(options.db, options.actor, options.unitId);
  if (unit.parent_id !== null) {
    throw new AppError('FORBIDDEN', 'Only a province administrator imports a CA chain.');
  }
  let summaries: { der: Uint8Array; summary: ReturnType<typeof describeCertificate> }[];
  try {
    summaries = readCertificates(options.certificates).map((der) => ({
      der,
      summary: describeCertificate(der),
    }));
  } catch (cause) {
    throw new AppError('VALIDATION_FAILED', 'Not a certificate chain (PEM or DER).', {
      fields: { certificates: 'malformed' },
      cause,
    });
  }
  const roots = summaries.filter(
    (s) => s.summary.isCa && JSON.stringify(s.summary.subject) === JSON.stringify(s.summary.issuer),
  );
  const issuing = summaries.filter((s) => s.summary.isCa && !roots.includes(s));
  if (roots.length !== 1 || issuing.length === 0 || summaries.some((s) => !s.summary.isCa)) {
    throw new AppError('VALIDATION_FAILED', 'Give one self-signed root and its issuing CA certificates.', {
      fields: { certificates: 'notAChain' },
    });
  }
  const root = roots[0] ?? issuing[0]!;
  for (const ca of issuing) {
    const verdict = verifyCertificate(ca.der, { trustAnchors: [root.der], at: now });
    if (!verdict.isValid) {
      throw new AppError(
        'VALIDATION_FAILED',
        `The issuing CA does not chain to the root: ${verdict.problems.join(', ')}.`,
        {
          fields: { certificates: 'brokenChain' },
        },
      );
    }
  }
  const known = new Set((await listAuthorities(options.db)).map((a) => a.id));
  const idOf = (s: (typeof summaries)[number]) => `ext-${s.summary.fingerprint.slice(0, 16)}`;
  const rows = [root, ...issuing]
    .filter((s) => !known.has(idOf(s)))
    .map((s) => ({
      id: idOf(s),
      role: s === root ? ('root' as const) : ('issuing' as const),
      parent_id: s === root ? null : idOf(root),
      name: s.summary.subject.CN ?? s.summary.subject.O ?? 'CA',
      certificate: b64(s.der),
      encrypted_key: null,
      wrapped_data_key: null,
    }));
  await options.db.transaction().execute(async (trx) => {
    if (rows.length > 0) {
      await trx.insertInto('signing_authorities').values(rows).execute();
    }
    await appendAuditEvent(trx, {
      actor: { type: 'staff', id: options.actor.staffId },
      action: 'signing.authority_imported',
      unitId: unit.id,
      subjectType: 'authority',
      subjectId: idOf(root),
      requestId: options.requestId,
      at: now,
      details: {
        authorities: [root, ...issuing].map(idOf),
        fingerprints: summaries.map((s) => s.summary.fingerprint),
      },
    });
  });
  return { authorityIds: [root, ...issuing].map(idOf) };
}

/** Imports a PKCS#12 credential for a holder; its chain must lead to a stored (imported or demo) root. */
export async function importPkcs12Credential(options: {
  db: Db;
  keyEncryptionKey: Uint8Array;
  actor: StaffActor;
  requestId: string | null;
  unitId: string;
  holderStaffId: string;
  kind: CredentialKind;
  pkcs12: Uint8Array;
  password: string;
  pin: string;
  now?: Date;
}): Promise<{ credentialId: string }> {
  const now = options.now ?? new Date();
  const unit = await loadUnitAsAdmin(options.db, options.actor, options.unitId);
  assertPinPolicy(options.pin);
  const holder = await getHolderOnUnit(options.db, options.holderStaffId, unit.id);
  let credential: Awaited<ReturnType<typeof readPkcs12>>;
  try {
    credential = await readPkcs12(options.pkcs12, options.password);
  } catch (cause) {
    const wrongPassword = cause instanceof PkiError && cause.code === 'PKCS12_BAD_PASSWORD';
    throw new AppError(
      'VALIDATION_FAILED',
      wrongPassword ? 'Wrong PKCS#12 password.' : 'Not a usable PKCS#12 file.',
      {
        fields: wrongPassword ? { password: 'invalid' } : { pkcs12: 'unusable' },
        cause,
      },
    );
  }
  const authorities = await listAuthorities(options.db);
  const der = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));
  const verdict = verifyCertificate(credential.certificate, {
    trustAnchors: authorities.filter((a) => a.role === 'root').map((a) => der(a.certificate)),
    intermediates: [
      ...credential.chain,
      ...authorities.filter((a) => a.role === 'issuing').map((a) => der(a.certificate)),
    ],
    at: now,
  });
  if (!verdict.isValid) {
    throw new AppError(
      'VALIDATION_FAILED',
      `The certificate does not chain to a known CA: ${verdict.problems.join(', ')}.`,
      {
        fields: { pkcs12: 'untrusted' },
      },
    );
  }
  const issuerDer = verdict.path[1];
  const issuer = authorities.find((a) => issuerDer && a.certificate === b64(issuerDer));
  const row = sealedCredentialRow({
    kind: options.kind,
    holderStaffId: holder.id,
    unitId: unit.id,
    authorityId: issuer?.id ?? null,
    certificate: credential.certificate,
    chain: verdict.path.slice(1),
    privateKey: credential.privateKey,
    keyEncryptionKey: options.keyEncryptionKey,
    pin: options.pin,
  });
  const id = row.id;
  await options.db.transaction().execute(async (trx) => {
    await insertCredential(trx, row);
    await appendAuditEvent(trx, {
      actor: { type: 'staff', id: options.actor.staffId },
      action: 'signing.credential_imported',
      unitId: unit.id,
      subjectType: 'credential',
      subjectId: id,
      requestId: options.requestId,
      at: now,
      details: {
        kind: options.kind,
        holder: holder.id,
        serial: row.serial,
        issuer: issuer?.id ?? null,
      },
    });
  });
  return { credentialId: id };
}

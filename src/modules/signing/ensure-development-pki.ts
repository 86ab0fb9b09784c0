// The development PKI (issue 5 §1): on first start (or lazily on first use) a root CA, the issuing CA
// "Demo Government Specialized CA - NOT FOR PRODUCTION", a TSA and a delegated OCSP responder, stored with
// their keys wrapped by the KEK. Idempotent and safe under concurrent first use (insert-if-absent).

import type { Db } from '../../database.ts';
import { createDevelopmentPki, generateRoleKey } from '../../lib/pki/index.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import { sealPrivateKey } from './key-envelope.ts';
import { findDefaultIssuer } from './signing.repository.ts';
import type { AuthorityRole, SigningAuthority } from './signing.table.ts';

export const DEMO_AUTHORITY_IDS = {
  root: 'demo-root',
  issuing: 'demo-issuing',
  tsa: 'demo-tsa',
  ocsp: 'demo-ocsp',
} as const satisfies Record<AuthorityRole, string>;

const b64 = (der: Uint8Array) => Buffer.from(der).toString('base64');

/** Returns the default issuing CA, creating the development PKI when there is none. */
export async function ensureDevelopmentPki(options: {
  db: Db;
  keyEncryptionKey: Uint8Array;
}): Promise<SigningAuthority> {
  const existing = await findDefaultIssuer(options.db);
  if (existing) {
    return existing;
  }
  // RSA-2048 for the two CAs (as the government CA issues); P-256 for the TSA, and for the library's sample
  // leader and seal, which are not kept: RSA key generation is what makes a first start slow.
  const [leader, seal, tsa] = await Promise.all([1, 2, 3].map(() => generateRoleKey('seal')));
  const pki = await createDevelopmentPki({ name: 'xaso', keys: { leader, seal, tsa } });
  const kek = options.keyEncryptionKey;
  const rows = (
    [
      ['root', null, 'Demo Government Root CA - NOT FOR PRODUCTION', pki.root],
      ['issuing', 'root', 'Demo Government Specialized CA - NOT FOR PRODUCTION', pki.issuingCa],
      ['tsa', 'issuing', 'Demo TSA - NOT FOR PRODUCTION', pki.tsa],
      ['ocsp', 'issuing', 'Demo OCSP Responder - NOT FOR PRODUCTION', pki.ocsp],
    ] as const
  ).map(([role, parent, name, credential]) => {
    const id = DEMO_AUTHORITY_IDS[role];
    const sealed = sealPrivateKey({ privateKey: credential.privateKey, kek, owner: id });
    return {
      id,
      role,
      parent_id: parent ? DEMO_AUTHORITY_IDS[parent] : null,
      name,
      certificate: b64(credential.certificate),
      encrypted_key: sealed.encryptedKey,
      wrapped_data_key: sealed.wrappedDataKey,
      is_default_issuer: role === 'issuing',
    };
  });
  await options.db.transaction().execute(async (trx) => {
    // A concurrent first start may have won: then this insert does nothing and its result is discarded.
    const inserted = await trx
      .insertInto('signing_authorities')
      .values(rows)
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .execute();
    if (inserted.length > 0) {
      await appendAuditEvent(trx, {
        actor: { type: 'system', id: null },
        action: 'signing.pki_created',
        unitId: null,
        subjectType: 'authority',
        subjectId: DEMO_AUTHORITY_IDS.issuing,
        requestId: null,
        details: { authorities: inserted.map((r) => r.id) },
      });
    }
  });
  const issuer = await findDefaultIssuer(options.db);
  if (!issuer) {
    throw new Error('the development PKI could not be stored');
  }
  return issuer;
}

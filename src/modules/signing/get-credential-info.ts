// CSC API v2 credentials/list and credentials/info (issue 5 §3): what the holder may sign with.

import type { Db } from '../../database.ts';
import { describeCertificate } from '../../lib/pki/index.ts';
import type { StaffActor } from '../identity/actor.ts';
import { getHeldCredential } from './activate-credential.ts';
import { der } from './authority-keys.ts';
import { MAX_HASHES_PER_SAD } from './authorize-credential.ts';
import { KEY_ALGORITHM_OIDS } from './signature-oids.ts';
import { listCredentialsOfHolder } from './signing.repository.ts';
import type { SigningCredential } from './signing.table.ts';

/** The holder's credentials that can still sign (active, not expired), oldest first. */
export async function listHeldCredentials(options: { db: Db; actor: StaffActor; now?: Date }) {
  const now = options.now ?? new Date();
  const all = await listCredentialsOfHolder(options.db, options.actor.staffId);
  return all.filter((c) => c.status === 'active' && c.not_after > now);
}

export interface CredentialInfo {
  readonly credential: SigningCredential;
  readonly keyAlgorithmOid: string;
  readonly keyLength: number;
  readonly certificate: Uint8Array;
  /** Issuer first, root last. */
  readonly chain: readonly Uint8Array[];
  readonly subjectDN: string;
  readonly issuerDN: string;
  readonly maxSignaturesPerAuthorization: number;
}

function distinguishedName(fields: ReadonlyArray<readonly [string, string]>): string {
  return [...fields]
    .reverse()
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}

export async function getCredentialInfo(options: {
  db: Db;
  actor: StaffActor;
  credentialId: string;
}): Promise<CredentialInfo> {
  const credential = await getHeldCredential(options.db, options.actor.staffId, options.credentialId);
  const certificate = der(credential.certificate);
  const summary = describeCertificate(certificate);
  const isRsa = credential.key_algorithm.startsWith('rsa');
  const issuerFields = Object.entries(summary.issuer) as [string, string][];
  return {
    credential,
    keyAlgorithmOid: isRsa ? KEY_ALGORITHM_OIDS.rsa : KEY_ALGORITHM_OIDS.ec,
    keyLength: isRsa ? Number(credential.key_algorithm.split('-')[1]) : 256,
    certificate,
    chain: credential.chain.map(der),
    subjectDN: distinguishedName(summary.subjectFields),
    issuerDN: distinguishedName(issuerFields),
    maxSignaturesPerAuthorization: MAX_HASHES_PER_SAD,
  };
}

// Opens the keys of server-operated authorities (issuing CA, TSA, OCSP responder): KEK only, no PIN,
// because the server signs certificates, CRLs, OCSP responses and timestamps on its own.
import { createHash, type KeyObject } from 'node:crypto';
import type { DbExecutor } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { openPrivateKey } from './key-envelope.ts';
import { findAuthority, listAuthorities } from './signing.repository.ts';
import type { AuthorityRole, SigningAuthority } from './signing.table.ts';

export interface OpenedAuthority {
  readonly authority: SigningAuthority;
  readonly certificate: Uint8Array;
  readonly privateKey: KeyObject;
  /** Issuer first, root last. */
  readonly chain: readonly Uint8Array[];
}

// Decrypting costs little, but the TSA and OCSP answer on every signature: keep opened keys per process,
// keyed by the row's ciphertext and the KEK's digest (another KEK never reuses an entry).
const cache = new Map<string, KeyObject>();

export function der(base64: string): Uint8Array {
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

/** The certificates above `authority`, issuer first, root last. */
export async function chainAbove(db: DbExecutor, authority: SigningAuthority): Promise<Uint8Array[]> {
  const chain: Uint8Array[] = [];
  let parentId = authority.parent_id;
  while (parentId) {
    const parent = await findAuthority(db, parentId);
    if (!parent) {
      break;
    }
    chain.push(der(parent.certificate));
    parentId = parent.parent_id;
  }
  return chain;
}

export async function openAuthority(
  db: DbExecutor,
  authority: SigningAuthority,
  kek: Uint8Array,
): Promise<OpenedAuthority> {
  if (!authority.encrypted_key || !authority.wrapped_data_key) {
    throw new AppError('INVALID_STATE', `The authority ${authority.id} has no key held by this server.`);
  }
  const cacheKey = `${authority.wrapped_data_key}:${createHash('sha256').update(kek).digest('hex')}`;
  let privateKey = cache.get(cacheKey);
  if (!privateKey) {
    privateKey = openPrivateKey(
      { encryptedKey: authority.encrypted_key, wrappedDataKey: authority.wrapped_data_key, pinSalt: '' },
      kek,
      authority.id,
    );
    cache.set(cacheKey, privateKey);
  }
  return {
    authority,
    certificate: der(authority.certificate),
    privateKey,
    chain: await chainAbove(db, authority),
  };
}

/** The first authority of `role` under `issuerId` that holds a key (the TSA, the OCSP responder). */
export async function findOperatedAuthority(
  db: DbExecutor,
  role: AuthorityRole,
): Promise<SigningAuthority | undefined> {
  const all = await listAuthorities(db);
  return all.find((a) => a.role === role && a.encrypted_key !== null);
}

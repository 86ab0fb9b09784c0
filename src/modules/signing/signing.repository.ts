// Plain data access for the signing module; every function takes the database or transaction first.

import type { Insertable, Updateable } from 'kysely';
import type { DbExecutor } from '../../database.ts';
import type {
  SigningAuthority,
  SigningAuthorityTable,
  SigningCredential,
  SigningCredentialTable,
  SigningSad,
} from './signing.table.ts';

export async function findAuthority(db: DbExecutor, id: string): Promise<SigningAuthority | undefined> {
  return db.selectFrom('signing_authorities').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findDefaultIssuer(db: DbExecutor): Promise<SigningAuthority | undefined> {
  return db
    .selectFrom('signing_authorities')
    .selectAll()
    .where('is_default_issuer', '=', true)
    .executeTakeFirst();
}

export async function listAuthorities(db: DbExecutor): Promise<SigningAuthority[]> {
  return db.selectFrom('signing_authorities').selectAll().orderBy('created_at').orderBy('id').execute();
}

export async function insertAuthorities(
  db: DbExecutor,
  rows: readonly Insertable<SigningAuthorityTable>[],
): Promise<void> {
  await db
    .insertInto('signing_authorities')
    .values([...rows])
    .execute();
}

export async function nextCrlNumber(db: DbExecutor, id: string): Promise<number> {
  const row = await db
    .updateTable('signing_authorities')
    .set((eb) => ({ crl_number: eb('crl_number', '+', 1) }))
    .where('id', '=', id)
    .returning('crl_number')
    .executeTakeFirstOrThrow();
  return row.crl_number;
}

export async function findCredential(db: DbExecutor, id: string): Promise<SigningCredential | undefined> {
  return db.selectFrom('signing_credentials').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findCredentialForUpdate(
  db: DbExecutor,
  id: string,
): Promise<SigningCredential | undefined> {
  return db.selectFrom('signing_credentials').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function listCredentialsOfHolder(db: DbExecutor, staffId: string): Promise<SigningCredential[]> {
  return db
    .selectFrom('signing_credentials')
    .selectAll()
    .where('holder_staff_id', '=', staffId)
    .orderBy('created_at')
    .execute();
}

export async function listCredentialsOfUnits(
  db: DbExecutor,
  unitIds: readonly string[],
): Promise<SigningCredential[]> {
  if (unitIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('signing_credentials')
    .selectAll()
    .where('unit_id', 'in', unitIds)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Serials issued by `authorityId` with their status, for CRL and OCSP. */
export async function findCredentialsBySerial(
  db: DbExecutor,
  authorityId: string,
  serials: readonly string[],
): Promise<SigningCredential[]> {
  if (serials.length === 0) {
    return [];
  }
  return db
    .selectFrom('signing_credentials')
    .selectAll()
    .where('authority_id', '=', authorityId)
    .where('serial', 'in', serials)
    .execute();
}

export async function listRevokedOf(db: DbExecutor, authorityId: string): Promise<SigningCredential[]> {
  return db
    .selectFrom('signing_credentials')
    .selectAll()
    .where('authority_id', '=', authorityId)
    .where('status', '=', 'revoked')
    .execute();
}

export async function insertCredential(
  db: DbExecutor,
  row: Insertable<SigningCredentialTable>,
): Promise<void> {
  await db.insertInto('signing_credentials').values(row).execute();
}

export async function updateCredential(
  db: DbExecutor,
  id: string,
  values: Updateable<SigningCredentialTable>,
): Promise<void> {
  await db.updateTable('signing_credentials').set(values).where('id', '=', id).execute();
}

export async function findSadForUpdate(db: DbExecutor, idHash: string): Promise<SigningSad | undefined> {
  return db
    .selectFrom('signing_sads')
    .selectAll()
    .where('id_hash', '=', idHash)
    .forUpdate()
    .executeTakeFirst();
}

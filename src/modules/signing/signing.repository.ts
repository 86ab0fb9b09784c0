// Plain data access for the signing module; every function takes the database or transaction first.

import { type Insertable, sql, type Updateable } from 'kysely';
import type { DbExecutor } from '../../database.ts';
import type {
  SigningAuthority,
  SigningAuthorityTable,
  SigningCredential,
  SigningCredentialTable,
  SigningSad,
} from './signing.table.ts';
import type { StoredTotp } from './totp.ts';

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

/**
 * credentials/authorize's one read: the credential held by `staffId` and the holder's authenticator
 * (undefined when none is enrolled). Not locked: the SAD insert re-checks what matters under lock.
 */
export async function findHeldCredentialWithTotp(
  db: DbExecutor,
  staffId: string,
  credentialId: string,
): Promise<{ credential: SigningCredential; totp: StoredTotp | undefined } | undefined> {
  const row = await db
    .selectFrom('signing_credentials as c')
    .leftJoin('signing_totp as t', 't.staff_id', 'c.holder_staff_id')
    .selectAll('c')
    .select([
      't.encrypted_secret as totp_encrypted_secret',
      't.confirmed_at as totp_confirmed_at',
      't.last_step as totp_last_step',
    ])
    .where('c.id', '=', credentialId)
    .where('c.holder_staff_id', '=', staffId)
    .executeTakeFirst();
  if (!row) {
    return undefined;
  }
  const [totp, credential] = splitPrefixed(row, 'totp_');
  return {
    credential: credential as SigningCredential,
    totp: totp.encrypted_secret === null ? undefined : (totp as unknown as StoredTotp),
  };
}

/**
 * credentials/authorize's write, one statement: consumes the one-time code's time step (only if no equal
 * or later step was accepted meanwhile: a code is accepted once even by two racing requests), re-checks
 * the credential (still active, unlocked and wrapped as it was read: a revocation, lock or PIN change in
 * between refuses; signHash checks it again), resets a non-zero failure counter and inserts the SAD.
 * Usually only the code's row and the SAD are written (each write costs WAL, most of all on PGlite).
 * `isCodeFresh` false: another request spent the code; `isInserted` false with a fresh code: the
 * credential changed.
 */
export async function insertSadConsumingCode(
  trx: DbExecutor,
  options: {
    staffId: string;
    credentialId: string;
    /** The credential's `wrapped_data_key` as read. */
    expectedWrap: string;
    step: number;
    idHash: string;
    hashes: readonly string[];
    sadWrappedDataKey: string;
    expiresAt: Date;
  },
): Promise<{ isCodeFresh: boolean; isInserted: boolean }> {
  const result = await sql<{ is_code_fresh: boolean; is_inserted: boolean }>`
    with code as (
      update signing_totp set last_step = ${options.step}
      where staff_id = ${options.staffId} and confirmed_at is not null
        and (last_step is null or last_step < ${options.step})
      returning staff_id
    ), credential as (
      select id from signing_credentials
      where id = ${options.credentialId} and holder_staff_id = ${options.staffId} and status = 'active'
        and locked_at is null and wrapped_data_key = ${options.expectedWrap} and exists (select from code)
    ), reset as (
      update signing_credentials set failed_pins = 0
      where id in (select id from credential) and failed_pins > 0
    ), sad as (
      insert into signing_sads (id_hash, credential_id, staff_id, hashes, wrapped_data_key, expires_at)
      select ${options.idHash}, id, ${options.staffId}, ${JSON.stringify(options.hashes)}::jsonb,
        ${options.sadWrappedDataKey}, ${options.expiresAt}
      from credential
      returning id_hash
    )
    select exists (select from code) as is_code_fresh, exists (select from sad) as is_inserted`.execute(trx);
  const row = result.rows[0];
  return { isCodeFresh: row?.is_code_fresh === true, isInserted: row?.is_inserted === true };
}

/** signatures/signHash's one read: the SAD, locked, with its credential. */
export async function findSadWithCredentialForUpdate(
  db: DbExecutor,
  idHash: string,
): Promise<{ sad: SigningSad; credential: SigningCredential } | undefined> {
  const row = await db
    .selectFrom('signing_sads as s')
    .innerJoin('signing_credentials as c', 'c.id', 's.credential_id')
    .selectAll('c')
    .select([
      's.id_hash as sad_id_hash',
      's.staff_id as sad_staff_id',
      's.hashes as sad_hashes',
      's.wrapped_data_key as sad_wrapped_data_key',
      's.expires_at as sad_expires_at',
      's.used_at as sad_used_at',
      's.signatures as sad_signatures',
      's.created_at as sad_created_at',
    ])
    .where('s.id_hash', '=', idHash)
    .forUpdate('s')
    .executeTakeFirst();
  if (!row) {
    return undefined;
  }
  const [sad, credential] = splitPrefixed(row, 'sad_');
  return {
    sad: { ...sad, credential_id: credential.id } as SigningSad,
    credential: credential as SigningCredential,
  };
}

/** Splits a joined row: the columns selected as `<prefix><name>` (under `<name>`), and the others. */
function splitPrefixed(row: object, prefix: string): [Record<string, unknown>, Record<string, unknown>] {
  const prefixed: Record<string, unknown> = {};
  const others: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key.startsWith(prefix)) {
      prefixed[key.slice(prefix.length)] = value;
    } else {
      others[key] = value;
    }
  }
  return [prefixed, others];
}

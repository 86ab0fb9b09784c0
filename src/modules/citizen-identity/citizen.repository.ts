import type { DbExecutor } from '../../database.ts';
import type { Citizen, CitizenSignIn } from './citizen.table.ts';

export async function findCitizenById(db: DbExecutor, id: string): Promise<Citizen | undefined> {
  return db.selectFrom('citizens').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findCitizenBySubject(
  db: DbExecutor,
  issuer: string,
  subject: string,
): Promise<Citizen | undefined> {
  return db
    .selectFrom('citizens')
    .selectAll()
    .where('issuer', '=', issuer)
    .where('subject', '=', subject)
    .executeTakeFirst();
}

export interface CitizenClaims {
  readonly fullName: string;
  readonly personalIdentifier: string | null;
  readonly phone: string | null;
  readonly email: string | null;
}

/** Creates the citizen or refreshes their data from the provider; one row per (issuer, sub). */
export async function upsertCitizen(
  db: DbExecutor,
  key: { issuer: string; subject: string },
  claims: CitizenClaims,
  at: Date,
): Promise<Citizen> {
  const values = {
    full_name: claims.fullName,
    personal_identifier: claims.personalIdentifier,
    phone: claims.phone,
    email: claims.email,
    last_signed_in_at: at,
  };
  return db
    .insertInto('citizens')
    .values({ issuer: key.issuer, subject: key.subject, ...values })
    .onConflict((oc) => oc.columns(['issuer', 'subject']).doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertCitizenSignIn(
  db: DbExecutor,
  values: {
    idHash: string;
    state: string;
    nonce: string;
    codeVerifier: string;
    returnTo: string;
    expiresAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('citizen_sign_ins')
    .values({
      id_hash: values.idHash,
      state: values.state,
      nonce: values.nonce,
      code_verifier: values.codeVerifier,
      return_to: values.returnTo,
      expires_at: values.expiresAt,
      consumed_at: null,
    })
    .execute();
}

export async function findCitizenSignIn(db: DbExecutor, idHash: string): Promise<CitizenSignIn | undefined> {
  return db.selectFrom('citizen_sign_ins').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
}

/** Marks a sign-in used; false when it already was (a concurrent or replayed callback). */
export async function consumeCitizenSignIn(db: DbExecutor, idHash: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('citizen_sign_ins')
    .set({ consumed_at: at })
    .where('id_hash', '=', idHash)
    .where('consumed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Sign-ins expire after 10 minutes; rows a day old are of no use any more. */
export async function deleteStaleCitizenSignIns(db: DbExecutor, before: Date): Promise<void> {
  await db.deleteFrom('citizen_sign_ins').where('expires_at', '<', before).execute();
}

export async function insertCitizenSession(
  db: DbExecutor,
  values: { idHash: string; citizenId: string; idleExpiresAt: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('citizen_sessions')
    .values({
      id_hash: values.idHash,
      citizen_id: values.citizenId,
      idle_expires_at: values.idleExpiresAt,
      expires_at: values.expiresAt,
      ended_at: null,
    })
    .execute();
}

// TOTP second factor (RFC 6238, via otplib) for signature authorisation (issue 5 §2). One authenticator
// per staff member, secret encrypted with the KEK. Enrolment starts unconfirmed and becomes usable with a
// first valid code. A code is accepted once: the accepted time step is stored and older steps refused.
import { generateSecret, generateURI, verify } from 'otplib';
import type { Db, DbExecutor } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import type { StaffActor } from '../identity/actor.ts';
import { gcmDecrypt, gcmEncrypt } from './key-envelope.ts';

/** One 30-second step either side for clock drift on the phone (RFC 6238 §5.2). */
const TOLERANCE_SECONDS = 30;

function sealSecret(kek: Uint8Array, staffId: string, secret: string): string {
  return gcmEncrypt(kek, Buffer.from(secret, 'utf8'), `totp:${staffId}`).toString('base64');
}

function openSecret(kek: Uint8Array, staffId: string, sealed: string): string {
  const plain = gcmDecrypt(kek, Buffer.from(sealed, 'base64'), `totp:${staffId}`);
  if (!plain) {
    throw new AppError('INTERNAL', 'The TOTP secret does not open with this server’s key.');
  }
  return plain.toString('utf8');
}

/**
 * Starts (or restarts) enrolment: returns the base32 secret and an otpauth:// URI for the authenticator
 * app. `secret` may be given by the demo seed; `confirmed` skips the first-code step (demo seed only).
 */
export async function enrolTotp(options: {
  db: Db;
  keyEncryptionKey: Uint8Array;
  staffId: string;
  username: string;
  requestId: string | null;
  secret?: string;
  confirmed?: boolean;
  now?: Date;
}): Promise<{ secret: string; uri: string }> {
  const now = options.now ?? new Date();
  if (!options.confirmed) {
    // A confirmed factor is not replaced by its holder's session alone (a stolen password must not
    // swap the second factor); re-enrolment after a lost phone goes through an administrator.
    const existing = await options.db
      .selectFrom('signing_totp')
      .select('confirmed_at')
      .where('staff_id', '=', options.staffId)
      .executeTakeFirst();
    if (existing?.confirmed_at) {
      throw new AppError('INVALID_STATE', 'A TOTP authenticator is already enrolled.');
    }
  }
  const secret = options.secret ?? generateSecret();
  const values = {
    encrypted_secret: sealSecret(options.keyEncryptionKey, options.staffId, secret),
    confirmed_at: options.confirmed ? now : null,
    last_step: null,
  };
  await options.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('signing_totp')
      .values({ staff_id: options.staffId, ...values })
      .onConflict((oc) => oc.column('staff_id').doUpdateSet(values))
      .execute();
    await appendAuditEvent(trx, {
      actor: options.confirmed ? { type: 'system', id: null } : { type: 'staff', id: options.staffId },
      action: 'signing.totp_enrolled',
      unitId: null,
      subjectType: 'staff',
      subjectId: options.staffId,
      requestId: options.requestId,
      at: now,
    });
  });
  return { secret, uri: generateURI({ issuer: 'xaso', label: options.username, secret }) };
}

/** A stored authenticator, as `matchTotpStep` needs it. */
export interface StoredTotp {
  readonly encrypted_secret: string;
  readonly confirmed_at: Date | null;
  readonly last_step: number | null;
}

/**
 * The time step `code` matches for this authenticator, later than the last accepted one (a code is
 * accepted once), or undefined. Pure check: the caller stores the step, conditionally on `last_step` still
 * being older (consumeTotpCode below, or the SAD insert of credentials/authorize), so two requests racing
 * with the same code cannot both pass.
 */
export async function matchTotpStep(options: {
  keyEncryptionKey: Uint8Array;
  staffId: string;
  totp: StoredTotp | undefined;
  code: string;
  now: Date;
  requireConfirmed: boolean;
}): Promise<number | undefined> {
  const { totp } = options;
  if (!totp || (options.requireConfirmed && !totp.confirmed_at) || !/^[0-9]{6}$/.test(options.code)) {
    return undefined;
  }
  const result = await verify({
    secret: openSecret(options.keyEncryptionKey, options.staffId, totp.encrypted_secret),
    token: options.code,
    epoch: Math.floor(options.now.getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
    ...(totp.last_step === null ? {} : { afterTimeStep: totp.last_step }),
  });
  if (!result.valid) {
    return undefined;
  }
  return 'timeStep' in result ? result.timeStep : Math.floor(options.now.getTime() / 30_000);
}

/** Checks a code against the staff member's TOTP inside `trx` and consumes its time step. */
export async function consumeTotpCode(
  trx: DbExecutor,
  options: {
    keyEncryptionKey: Uint8Array;
    staffId: string;
    code: string;
    now: Date;
    requireConfirmed: boolean;
  },
): Promise<boolean> {
  const row = await trx
    .selectFrom('signing_totp')
    .selectAll()
    .where('staff_id', '=', options.staffId)
    .forUpdate()
    .executeTakeFirst();
  const step = await matchTotpStep({ ...options, totp: row });
  if (step === undefined) {
    return false;
  }
  await trx
    .updateTable('signing_totp')
    .set({ last_step: step, ...(row?.confirmed_at ? {} : { confirmed_at: options.now }) })
    .where('staff_id', '=', options.staffId)
    .execute();
  return true;
}

/** The signer confirms enrolment with the first code their authenticator shows. */
export async function confirmTotp(options: {
  db: Db;
  keyEncryptionKey: Uint8Array;
  actor: StaffActor;
  code: string;
  requestId: string | null;
  now?: Date;
}): Promise<void> {
  const now = options.now ?? new Date();
  await options.db.transaction().execute(async (trx) => {
    const ok = await consumeTotpCode(trx, {
      keyEncryptionKey: options.keyEncryptionKey,
      staffId: options.actor.staffId,
      code: options.code,
      now,
      requireConfirmed: false,
    });
    if (!ok) {
      throw new AppError('VALIDATION_FAILED', 'The one-time code is not valid.', {
        fields: { OTP: 'invalid' },
      });
    }
    await appendAuditEvent(trx, {
      actor: { type: 'staff', id: options.actor.staffId },
      action: 'signing.totp_confirmed',
      unitId: null,
      subjectType: 'staff',
      subjectId: options.actor.staffId,
      requestId: options.requestId,
      at: now,
    });
  });
}

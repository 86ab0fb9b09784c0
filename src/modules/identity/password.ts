// Passwords hashed with argon2id (RFC 9106) through a maintained N-API library with prebuilt binaries.
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../platform/errors.ts';

// OWASP Password Storage Cheat Sheet's argon2id floor: m = 19 MiB, t = 2, p = 1.
const OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 10;

export function assertPasswordPolicy(password: string): void {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > 256) {
    throw new AppError('VALIDATION_FAILED', 'Password does not meet the policy.', {
      fields: { password: 'passwordTooShort' },
    });
  }
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spend the same time on unknown usernames as on known ones, so timing does not reveal accounts. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('xaso-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
}

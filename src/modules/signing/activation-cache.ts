// A short-lived, in-memory activation of a signing key (issue 5 §5 "Speed"). Opening a credential's data
// key costs a scrypt derivation of the PIN (~8 ms, deliberately slow); a leader signing several batches in
// a row would pay it every time. After an authorisation that proved BOTH factors (PIN opened the key AND a
// fresh one-time code was accepted), the opened data key is kept here with a PIN verifier, for at most
// ACTIVATION_IDLE_MS since its last use and ACTIVATION_MAX_MS since the scrypt opening.
//
// Why custody is not weakened (ETSI TS 119 432 SCAL2, EN 419 241-1 "sole control"):
// - every authorisation still needs the PIN AND a fresh one-time code: the PIN is compared, in constant
//   time, with an HMAC-SHA-256 verifier under a random key that exists only in this process; the code is
//   still consumed in the database (one use per time step), and the SAD is still bound to the hashes;
// - a PIN that does not match the verifier evicts the entry and takes the full path, so wrong PINs are
//   counted and lock the credential after five exactly as before;
// - the credential row is re-read on every authorisation: a revoked, locked, expired or re-keyed credential
//   (a new PIN changes `wrapped_data_key`) never uses an entry;
// - nothing is written anywhere: a database dump or a restart has no activation; the key material sits in
//   the memory of the process that was anyway about to sign with it, for minutes instead of milliseconds.
//   An attacker able to read that memory could as well read keys during signing.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SigningCredential } from './signing.table.ts';

export const ACTIVATION_IDLE_MS = 5 * 60 * 1000;
export const ACTIVATION_MAX_MS = 30 * 60 * 1000;

interface Activation {
  readonly dataKey: Buffer;
  readonly pinVerifier: Buffer;
  /** The wrap the key was opened from: a PIN change or re-key makes the entry stale. */
  readonly wrappedDataKey: string;
  readonly openedAt: number;
  lastUsedAt: number;
}

const verifierKey = randomBytes(32);
const activations = new Map<string, Activation>();

const verifierOf = (credentialId: string, pin: string) =>
  createHmac('sha256', verifierKey)
    .update(`${credentialId}\0${pin.normalize('NFKC')}`)
    .digest();

function forget(credentialId: string): void {
  const entry = activations.get(credentialId);
  if (entry) {
    entry.dataKey.fill(0);
    activations.delete(credentialId);
  }
}

/** The activated data key when the entry is fresh and the PIN matches; otherwise undefined (entry dropped). */
export function useActivation(credential: SigningCredential, pin: string, now: Date): Buffer | undefined {
  const entry = activations.get(credential.id);
  if (!entry) {
    return undefined;
  }
  const t = now.getTime();
  const isFresh =
    entry.wrappedDataKey === credential.wrapped_data_key &&
    t - entry.lastUsedAt <= ACTIVATION_IDLE_MS &&
    t - entry.openedAt <= ACTIVATION_MAX_MS &&
    t >= entry.openedAt;
  if (!isFresh || !timingSafeEqual(entry.pinVerifier, verifierOf(credential.id, pin))) {
    forget(credential.id);
    return undefined;
  }
  return Buffer.from(entry.dataKey);
}

/** Keeps the data key after an authorisation that proved PIN and one-time code; refreshes its idle time. */
export function rememberActivation(
  credential: SigningCredential,
  pin: string,
  dataKey: Uint8Array,
  now: Date,
) {
  const entry = activations.get(credential.id);
  if (entry && entry.wrappedDataKey === credential.wrapped_data_key) {
    entry.lastUsedAt = now.getTime();
    return;
  }
  forget(credential.id);
  activations.set(credential.id, {
    dataKey: Buffer.from(dataKey),
    pinVerifier: verifierOf(credential.id, pin),
    wrappedDataKey: credential.wrapped_data_key,
    openedAt: now.getTime(),
    lastUsedAt: now.getTime(),
  });
}

/** Drops every activation (tests; an operator could call it on a security event). */
export function forgetAllActivations(): void {
  for (const id of [...activations.keys()]) {
    forget(id);
  }
}

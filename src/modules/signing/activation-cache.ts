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
// The entry also keeps the signer built from the opened key (issue 5 "p95 ≤ 15 ms"): signHash reuses it
// only when the data key it unwrapped from the SAD equals the activated one (constant-time compare), so a
// SAD still has to open the key; reusing the KeyObject spares the PKCS#8 decryption, the certificate
// parse and OpenSSL's per-key RSA set-up (blinding, Montgomery contexts) on every signHash.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Signer } from '../../lib/pki/index.ts';
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
  /** Built on the first signHash under this activation, with the key ciphertext and certificate used. */
  signer?: { readonly builtFrom: string; readonly signer: Signer };
}

const verifierKey = randomBytes(32);
const activations = new Map<string, Activation>();

const verifierOf = (credentialId: string, pin: string) =>
  createHmac('sha256', verifierKey)
    .update(`${credentialId}\0${pin.normalize('NFKC')}`)
    .digest();

// A KeyObject cannot be wiped: dropping the entry drops the last reference to it.
function forget(credentialId: string): void {
  const entry = activations.get(credentialId);
  if (entry) {
    entry.dataKey.fill(0);
    activations.delete(credentialId);
  }
}

/** The entry while it is within its lifetime and opened from the credential's current wrap. */
function freshEntry(credential: SigningCredential, now: Date): Activation | undefined {
  const entry = activations.get(credential.id);
  const t = now.getTime();
  return entry &&
    entry.wrappedDataKey === credential.wrapped_data_key &&
    t - entry.lastUsedAt <= ACTIVATION_IDLE_MS &&
    t - entry.openedAt <= ACTIVATION_MAX_MS &&
    t >= entry.openedAt
    ? entry
    : undefined;
}

/** The activated data key when the entry is fresh and the PIN matches; otherwise undefined (entry dropped). */
export function useActivation(credential: SigningCredential, pin: string, now: Date): Buffer | undefined {
  if (!activations.has(credential.id)) {
    return undefined;
  }
  const entry = freshEntry(credential, now);
  if (!entry || !timingSafeEqual(entry.pinVerifier, verifierOf(credential.id, pin))) {
    forget(credential.id);
    return undefined;
  }
  return Buffer.from(entry.dataKey);
}

/**
 * The signer for `dataKey` (unwrapped from a SAD by signHash): the activation's own when the activation is
 * fresh and holds exactly this data key, built once by `build`; otherwise a fresh `build()`, not kept.
 */
export function activatedSigner(
  credential: SigningCredential,
  dataKey: Uint8Array,
  now: Date,
  build: () => Signer,
): Signer {
  const entry = freshEntry(credential, now);
  if (!entry || entry.dataKey.length !== dataKey.length || !timingSafeEqual(entry.dataKey, dataKey)) {
    return build();
  }
  const builtFrom = `${credential.encrypted_key}\0${credential.certificate}`;
  if (entry.signer?.builtFrom !== builtFrom) {
    entry.signer = { builtFrom, signer: build() };
  }
  return entry.signer.signer;
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

// C2SP tlog-cosignature, Ed25519 (signature type 0x04): a witness's timestamped statement that a checkpoint
// is the largest consistent tree it has seen. Key ID = SHA-256(name || 0x0A || 0x04 || public key)[:4];
// signature = u64 big-endian timestamp || Ed25519 over "cosignature/v1\ntime <t>\n" || checkpoint text.
import { randomBytes } from 'node:crypto';
import { TlogError } from './errors.ts';
import { encodeBase64 } from './internal/bytes.ts';
import {
  ed25519Sign,
  ed25519Verify,
  privateKeyFromSeed,
  publicKeyFromRaw,
  rawPublicKey,
} from './internal/ed25519.ts';
import { computeKeyId, isValidKeyName, type NoteVerifier, parseKeyString } from './note-key.ts';
import { formatSignatureLine } from './sign-note.ts';

export const COSIGNATURE_TYPE = 0x04;

function cosignedMessage(text: Uint8Array, timestamp: bigint): Uint8Array {
  const header = new TextEncoder().encode(`cosignature/v1\ntime ${timestamp}\n`);
  const message = new Uint8Array(header.length + text.length);
  message.set(header);
  message.set(text, header.length);
  return message;
}

const keyString = (name: string, id: number, key: Uint8Array) =>
  `${name}+${id.toString(16).padStart(8, '0')}+${encodeBase64(Buffer.concat([Buffer.from([COSIGNATURE_TYPE]), key]))}`;

/** A verifier for a witness's cosignatures: its `verify` checks the timestamped signature over the text. */
export function parseCosignerVerifierKey(
  verifierKey: string,
): NoteVerifier & { timestampOf(signature: Uint8Array): bigint } {
  const { name, keyId, key } = parseKeyString(verifierKey, 'cosigner verifier key', COSIGNATURE_TYPE);
  if (computeKeyId(name, COSIGNATURE_TYPE, key) !== keyId) {
    throw new TlogError('MALFORMED_KEY', 'cosigner verifier key: the key id does not match the key');
  }
  const publicKey = publicKeyFromRaw(key);
  return {
    name,
    keyId,
    verifierKey,
    publicKey,
    verify(message, signature) {
      if (signature.length !== 72) {
        return false;
      }
      const timestamp = Buffer.from(signature).readBigUInt64BE(0);
      return (
        timestamp < 2n ** 63n &&
        ed25519Verify(publicKey, cosignedMessage(message, timestamp), signature.subarray(8))
      );
    },
    timestampOf: (signature) => Buffer.from(signature).readBigUInt64BE(0),
  };
}

/** A witness key (for tests and small deployments of a witness). */
export function generateCosignerKey(name: string): { signerKey: string; verifierKey: string } {
  if (!isValidKeyName(name)) {
    throw new TlogError('MALFORMED_KEY', `invalid key name ${JSON.stringify(name)}`);
  }
  const seed = randomBytes(32);
  const publicKey = rawPublicKey(privateKeyFromSeed(seed));
  const id = computeKeyId(name, COSIGNATURE_TYPE, publicKey);
  return {
    signerKey: `PRIVATE+KEY+${keyString(name, id, seed)}`,
    verifierKey: keyString(name, id, publicKey),
  };
}

/** The cosignature line a witness returns for a checkpoint's note text. */
export function cosignCheckpoint(signerKey: string, text: string, timestamp: bigint): string {
  if (!signerKey.startsWith('PRIVATE+KEY+')) {
    throw new TlogError('MALFORMED_KEY', 'malformed cosigner signer key');
  }
  const {
    name,
    keyId,
    key: seed,
  } = parseKeyString(signerKey.slice(12), 'cosigner signer key', COSIGNATURE_TYPE);
  const signature = ed25519Sign(
    privateKeyFromSeed(seed),
    cosignedMessage(new TextEncoder().encode(text), timestamp),
  );
  const stamp = Buffer.alloc(8);
  stamp.writeBigUInt64BE(timestamp);
  return formatSignatureLine({ name, keyId, signature: Buffer.concat([stamp, signature]) });
}

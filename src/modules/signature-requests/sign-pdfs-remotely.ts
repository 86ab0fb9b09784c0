// The server side of signing a batch of request PDFs with a held credential (issue 5 §4): every PDF is
// prepared (field, appearance, /M frozen), its CAdES signed attributes hashed, and ALL hashes go into ONE
// credentials/authorize (PIN + one-time code → a SAD bound to exactly those hashes) and one signHash, the
// same CSC use cases an outside client calls; then each signature gets its RFC 3161 token from the
// in-process TSA (PAdES B-T) and is embedded. The key is opened only inside the signing module.
import { createHash } from 'node:crypto';
import type { Db } from '../../database.ts';
import {
  embedPdfSignature,
  estimateCmsSize,
  preparePdfSignature,
  type SignatureAppearance,
} from '../../lib/pdf/index.ts';
import {
  assembleCadesSignature,
  createTimestampRequest,
  parseTimestampResponse,
  prepareCadesSignature,
  type Signer,
  type TimestampAuthority,
} from '../../lib/pki/index.ts';
import type { StaffActor } from '../identity/actor.ts';
import { authorizeCredential } from '../signing/authorize-credential.ts';
import { openTimestampAuthority } from '../signing/pki-responders.ts';
import { signHashes } from '../signing/sign-hashes.ts';
import { ECDSA_SIGN_OIDS, RSA_SIGN_OIDS, SHA256_OID } from '../signing/signature-oids.ts';
import type { SigningCredential } from '../signing/signing.table.ts';
import type { FieldBox } from './signature-request.table.ts';

export interface PdfToSign {
  readonly pdf: Uint8Array;
  readonly fieldName: string;
  readonly box: FieldBox;
  readonly appearance: SignatureAppearance;
  readonly reason: string;
}

/** The TSA is opened (its key unwrapped) once per database handle, not per signature. */
const authorities = new WeakMap<Db, Promise<{ tsa: TimestampAuthority; tokenSize: number }>>();

function timestampAuthority(db: Db, keyEncryptionKey: Uint8Array) {
  let opened = authorities.get(db);
  if (!opened) {
    opened = (async () => {
      const tsa = await openTimestampAuthority({ db, keyEncryptionKey });
      const probe = await stamp(tsa, new Uint8Array(32));
      return { tsa, tokenSize: probe.length + 64 };
    })();
    opened.catch(() => authorities.delete(db));
    authorities.set(db, opened);
  }
  return opened;
}

async function stamp(tsa: TimestampAuthority, digest: Uint8Array): Promise<Uint8Array> {
  const request = createTimestampRequest(digest);
  return parseTimestampResponse(await tsa.respond(request), { request }).token;
}

const der = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

export async function signPdfsRemotely(options: {
  db: Db;
  keyEncryptionKey: Uint8Array;
  actor: StaffActor;
  requestId: string | null;
  credential: SigningCredential;
  pin: string;
  otp: string;
  documents: readonly PdfToSign[];
  now: Date;
}): Promise<Uint8Array[]> {
  const { credential, now } = options;
  const isRsa = credential.key_algorithm.startsWith('rsa');
  const identity: Signer = {
    certificate: der(credential.certificate),
    chain: credential.chain.map(der),
    algorithm: isRsa ? 'rsa-pkcs1-sha256' : 'ecdsa-p256-sha256',
    signDigest: () => Promise.reject(new Error('signatures come from signHash')),
  };
  const { tsa, tokenSize } = await timestampAuthority(options.db, options.keyEncryptionKey);
  const contentsSize = estimateCmsSize(identity) + tokenSize;
  const prepared = await Promise.all(
    options.documents.map((d) =>
      preparePdfSignature(d.pdf, {
        contentsSize,
        fieldName: d.fieldName,
        signingTime: now,
        reason: d.reason,
        ...(d.appearance.signerName ? { signerName: d.appearance.signerName } : {}),
        visible: { ...d.box, appearance: d.appearance },
      }),
    ),
  );
  const cades = prepared.map((p) =>
    prepareCadesSignature({
      contentDigest: p.digest,
      certificate: identity.certificate,
      chain: identity.chain,
      algorithm: identity.algorithm,
    }),
  );
  const hashes = cades.map((c) => Buffer.from(c.digestToSign).toString('base64'));
  const distinct = [...new Set(hashes)];
  const common = {
    db: options.db,
    keyEncryptionKey: options.keyEncryptionKey,
    actor: options.actor,
    requestId: options.requestId,
    credentialId: credential.id,
    now,
  };
  const { sad } = await authorizeCredential({
    ...common,
    numSignatures: distinct.length,
    hashes: distinct,
    hashAlgorithmOid: SHA256_OID,
    pin: options.pin,
    otp: options.otp,
  });
  const signatures = await signHashes({
    ...common,
    sad,
    hashes: distinct,
    hashAlgorithmOid: SHA256_OID,
    signAlgorithmOid: isRsa ? RSA_SIGN_OIDS[0] : ECDSA_SIGN_OIDS[0],
  });
  const byHash = new Map(distinct.map((h, i) => [h, signatures[i] ?? '']));
  const out: Uint8Array[] = [];
  for (const [i, c] of cades.entries()) {
    const signature = new Uint8Array(Buffer.from(byHash.get(hashes[i] ?? '') ?? '', 'base64'));
    const token = await stamp(tsa, createHash('sha256').update(signature).digest());
    const cms = assembleCadesSignature({ prepared: c, signature, unsignedTimestamp: token });
    const target = prepared[i];
    if (!target) {
      throw new Error('prepared signature missing');
    }
    out.push(embedPdfSignature(target, cms));
  }
  return out;
}

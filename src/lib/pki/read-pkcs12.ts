/**
 * Reads a PKCS#12 file (RFC 7292) into a Signer: verifies the password-based integrity MAC (§5.1,
 * Appendix B), decrypts the key bag and certificate bags — PBES2/PBKDF2/AES (OpenSSL 3 default) or the
 * legacy SHA-1 3DES/RC2 schemes (`openssl pkcs12 -legacy`, older Windows exports) — pairs the private key
 * with its certificate and orders the remaining certificates as the chain, issuer first.
 * A wrong password → PkiError('PKCS12_BAD_PASSWORD').
 */
import { createHmac, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { createKeySigner } from './create-key-signer.ts';
import { PkiError } from './errors.ts';
import { equalBytes, type ParsedCertificate, parseCertificate } from './internal/certificate.ts';
import {
  children,
  content,
  type Element,
  encoded,
  expectTag,
  octets,
  readInteger,
  readOid,
  readRoot,
} from './internal/der.ts';
import {
  checkedIterations,
  decryptWithPassword,
  UnsupportedSchemeError,
} from './internal/password-based-encryption.ts';
import { bmpPassword, isPkcs12Digest, pkcs12Kdf } from './internal/pkcs12-kdf.ts';
import type { Signer } from './signer.ts';

const dataOid = '1.2.840.113549.1.7.1';
const encryptedDataOid = '1.2.840.113549.1.7.6';
const keyBagOid = '1.2.840.113549.1.12.10.1.1';
const shroudedKeyBagOid = '1.2.840.113549.1.12.10.1.2';
const certBagOid = '1.2.840.113549.1.12.10.1.3';
const x509CertificateOid = '1.2.840.113549.1.9.22.1';
const hmacNames: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/** A Signer from a PKCS#12 file, with the key itself for callers that re-wrap it (issue 5 key custody). */
export interface Pkcs12Credential extends Signer {
  readonly privateKey: KeyObject;
}

const badPassword = (cause?: unknown) =>
  new PkiError('PKCS12_BAD_PASSWORD', 'the PKCS#12 password is wrong', cause ? { cause } : undefined);

function checkMac(macData: Element, authSafe: Uint8Array, password: string): void {
  const [digestInfo, saltElement, iterationsElement] = children(macData);
  const [algorithm, digest] = children(digestInfo!);
  const digestOid = readOid(children(algorithm!)[0]);
  const name = hmacNames[digestOid];
  if (!name || !isPkcs12Digest(digestOid)) {
    throw new PkiError('PKCS12_UNSUPPORTED', `PKCS#12 MAC digest ${digestOid} is not supported`);
  }
  const salt = content(saltElement!);
  let iterations = 1;
  try {
    iterations = iterationsElement ? checkedIterations(readInteger(iterationsElement)) : 1;
  } catch (cause) {
    throw new PkiError('PKCS12_UNSUPPORTED', 'unreasonable PKCS#12 MAC iteration count', { cause });
  }
  const expected = content(digest!);
  // Appendix B.1: the empty password is either no bytes or a lone BMP terminator; try both as OpenSSL does.
  const candidates = password === '' ? [bmpPassword(''), new Uint8Array(0)] : [bmpPassword(password)];
  for (const candidate of candidates) {
    const key = pkcs12Kdf(digestOid, candidate, salt, 3, iterations, expected.length);
    if (equalBytes(new Uint8Array(createHmac(name, key).update(authSafe).digest()), expected)) {
      return;
    }
  }
  throw badPassword();
}

function decrypt(algorithm: Element, encrypted: Uint8Array, password: string): Uint8Array {
  try {
    return decryptWithPassword(algorithm, encrypted, password);
  } catch (cause) {
    if (cause instanceof UnsupportedSchemeError) {
      throw new PkiError('PKCS12_UNSUPPORTED', cause.message, { cause });
    }
    throw badPassword(cause);
  }
}

function readBags(
  safeContents: Uint8Array,
  password: string,
  keys: KeyObject[],
  certificates: Uint8Array[],
): void {
  for (const bag of children(readRoot(safeContents))) {
    const [idElement, valueWrapper] = children(bag);
    const id = readOid(idElement);
    const value = children(expectTag(valueWrapper, 0xa0, 'bagValue'))[0]!;
    if (id === keyBagOid || id === shroudedKeyBagOid) {
      let pkcs8 = encoded(value);
      if (id === shroudedKeyBagOid) {
        const [algorithm, data] = children(value);
        pkcs8 = decrypt(algorithm!, octets(data!), password);
      }
      try {
        keys.push(createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' }));
      } catch (cause) {
        throw badPassword(cause);
      }
    } else if (id === certBagOid) {
      const [certType, certValue] = children(value);
      if (readOid(certType) === x509CertificateOid) {
        certificates.push(new Uint8Array(octets(children(certValue!)[0]!)));
      }
    }
  }
}

function orderChain(signer: ParsedCertificate, others: ParsedCertificate[]): Uint8Array[] {
  const chain: Uint8Array[] = [];
  let current = signer;
  const remaining = [...others];
  for (;;) {
    const index = remaining.findIndex(
      (c) => equalBytes(c.subject, current.issuer) && !equalBytes(c.der, current.der),
    );
    if (index < 0 || equalBytes(current.subject, current.issuer)) {
      break;
    }
    current = remaining.splice(index, 1)[0]!;
    chain.push(current.der);
  }
  return [...chain, ...remaining.map((c) => c.der)];
}

export async function readPkcs12(bytes: Uint8Array, password: string): Promise<Pkcs12Credential> {
  const keys: KeyObject[] = [];
  const certificates: Uint8Array[] = [];
  try {
    const [version, authSafe, macData] = children(expectTag(readRoot(bytes), 0x30, 'PFX'));
    if (readInteger(version) !== 3n) {
      throw new PkiError('PKCS12_UNSUPPORTED', 'PFX version is not 3');
    }
    const [contentType, wrapper] = children(authSafe!);
    if (readOid(contentType) !== dataOid) {
      throw new PkiError(
        'PKCS12_UNSUPPORTED',
        'only password integrity mode (authSafe of type data) is supported',
      );
    }
    const authSafeBytes = octets(children(wrapper!)[0]!);
    if (macData) {
      checkMac(macData, authSafeBytes, password);
    }
    for (const info of children(readRoot(authSafeBytes))) {
      const [type, infoWrapper] = children(info);
      const typeOid = readOid(type);
      const inner = infoWrapper ? children(infoWrapper)[0] : undefined;
      if (typeOid === dataOid && inner) {
        readBags(octets(inner), password, keys, certificates);
      } else if (typeOid === encryptedDataOid && inner) {
        const [, encryptedContentInfo] = children(inner);
        const [, algorithm, encryptedContent] = children(encryptedContentInfo!);
        if (encryptedContent) {
          readBags(decrypt(algorithm!, octets(encryptedContent), password), password, keys, certificates);
        }
      }
    }
  } catch (cause) {
    if (cause instanceof PkiError) {
      throw cause;
    }
    throw new PkiError('MALFORMED_INPUT', 'not a readable PKCS#12 file', { cause });
  }
  const key = keys[0];
  if (!key || keys.length > 1) {
    throw new PkiError(
      'PKCS12_UNSUPPORTED',
      `a PKCS#12 file with ${keys.length} private keys (exactly one expected)`,
    );
  }
  const publicKey = createPublicKey(key).export({ format: 'der', type: 'spki' });
  const parsed = certificates.map(parseCertificate);
  const signer = parsed.find((c) => Buffer.from(c.spki).equals(publicKey));
  if (!signer) {
    throw new PkiError('PKCS12_UNSUPPORTED', 'no certificate in the PKCS#12 file matches its private key');
  }
  const chain = orderChain(
    signer,
    parsed.filter((c) => c !== signer),
  );
  const keySigner = createKeySigner({ privateKey: key, certificate: signer.der, chain });
  return Object.freeze({
    certificate: keySigner.certificate,
    chain: keySigner.chain,
    algorithm: keySigner.algorithm,
    signDigest: keySigner.signDigest,
    privateKey: key,
  });
}

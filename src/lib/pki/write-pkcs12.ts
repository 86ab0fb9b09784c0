/**
 * Writes a PKCS#12 file (RFC 7292) that OpenSSL, NSS and Windows read: the key in a pkcs8ShroudedKeyBag and
 * the certificates in an encryptedData, both PBES2/PBKDF2-HMAC-SHA256/AES-256-CBC, and an HMAC-SHA-256
 * integrity MAC (the OpenSSL 3 defaults). The key and its certificate share a localKeyId attribute.
 */
import { createHmac, type KeyObject, randomBytes } from 'node:crypto';
import { createKeySigner } from './create-key-signer.ts';
import { PkiError } from './errors.ts';
import { sha256 } from './internal/certificate.ts';
import {
  explicit,
  integer,
  nullValue,
  objectIdentifier,
  octetString,
  sequence,
  setOf,
  tlv,
} from './internal/der.ts';
import { encryptWithPassword } from './internal/password-based-encryption.ts';
import { bmpPassword, pkcs12Kdf } from './internal/pkcs12-kdf.ts';

export interface WritePkcs12Options {
  readonly privateKey: KeyObject;
  readonly certificate: Uint8Array;
  readonly chain?: readonly Uint8Array[];
  readonly password: string;
  readonly friendlyName?: string;
  /** PBKDF2 and MAC iterations; default 2048 like OpenSSL (raise for files kept at rest). */
  readonly iterations?: number;
}

const localKeyIdOid = '1.2.840.113549.1.9.21';
const friendlyNameOid = '1.2.840.113549.1.9.20';
const sha256Oid = '2.16.840.1.101.3.4.2.1';

function bmpString(text: string): Uint8Array {
  return tlv(0x1e, bmpPassword(text).subarray(0, text.length * 2));
}

export function writePkcs12(options: WritePkcs12Options): Uint8Array {
  // Refuses a key that does not belong to the certificate, before writing anything.
  createKeySigner({ privateKey: options.privateKey, certificate: options.certificate });
  if (options.password.length === 0) {
    throw new PkiError('INVALID_ARGUMENT', 'a PKCS#12 file needs a password');
  }
  const iterations = options.iterations ?? 2048;
  const localKeyId = sha256(options.certificate).subarray(0, 20);
  const attributes = setOf([
    sequence(objectIdentifier(localKeyIdOid), setOf([octetString(localKeyId)])),
    ...(options.friendlyName
      ? [sequence(objectIdentifier(friendlyNameOid), setOf([bmpString(options.friendlyName)]))]
      : []),
  ]);
  const pkcs8 = new Uint8Array(options.privateKey.export({ format: 'der', type: 'pkcs8' }));
  const shroudedKey = encryptWithPassword(pkcs8, options.password, iterations);
  const keyBag = sequence(
    objectIdentifier('1.2.840.113549.1.12.10.1.2'),
    explicit(0, sequence(shroudedKey.algorithm, octetString(shroudedKey.encrypted))),
    attributes,
  );
  const certBag = (der: Uint8Array, withAttributes: boolean) =>
    sequence(
      objectIdentifier('1.2.840.113549.1.12.10.1.3'),
      explicit(0, sequence(objectIdentifier('1.2.840.113549.1.9.22.1'), explicit(0, octetString(der)))),
      ...(withAttributes ? [attributes] : []),
    );
  const certificateContents = sequence(
    certBag(options.certificate, true),
    ...(options.chain ?? []).map((der) => certBag(der, false)),
  );
  const encryptedCertificates = encryptWithPassword(certificateContents, options.password, iterations);
  const authenticatedSafe = sequence(
    sequence(
      objectIdentifier('1.2.840.113549.1.7.6'),
      explicit(
        0,
        sequence(
          integer(0),
          sequence(
            objectIdentifier('1.2.840.113549.1.7.1'),
            encryptedCertificates.algorithm,
            tlv(0x80, encryptedCertificates.encrypted),
          ),
        ),
      ),
    ),
    sequence(objectIdentifier('1.2.840.113549.1.7.1'), explicit(0, octetString(sequence(keyBag)))),
  );
  const macSalt = randomBytes(16);
  const macKey = pkcs12Kdf(sha256Oid, bmpPassword(options.password), macSalt, 3, iterations, 32);
  const mac = createHmac('sha256', macKey).update(authenticatedSafe).digest();
  return sequence(
    integer(3),
    sequence(objectIdentifier('1.2.840.113549.1.7.1'), explicit(0, octetString(authenticatedSafe))),
    sequence(
      sequence(sequence(objectIdentifier(sha256Oid), nullValue()), octetString(mac)),
      octetString(macSalt),
      integer(iterations),
    ),
  );
}

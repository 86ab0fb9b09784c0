import { X509Certificate } from 'node:crypto';
import { prepareCadesSignature, type Signer } from '../pki/index.ts';

const sizeCache = new WeakMap<Signer, number>();

/**
 * A tight upper bound of the DER SignedData size (RFC 5652 §5), so the /Contents placeholder follows the
 * real CMS: the certificates, the signed attributes (built once for their exact length), the issuer name
 * and serial taken from the certificate's TBSCertificate, the signature (RSA modulus length, or 72 bytes for
 * a DER ECDSA-Sig-Value on P-256), and 256 bytes for the fixed structure around them.
 */
export function estimateCmsSize(signer: Signer): number {
  const cached = sizeCache.get(signer);
  if (cached !== undefined) {
    return cached;
  }
  const certs = [signer.certificate, ...signer.chain].reduce((sum, c) => sum + c.length, 0);
  const attributes = prepareCadesSignature({
    contentDigest: new Uint8Array(32),
    certificate: signer.certificate,
    chain: [],
    algorithm: signer.algorithm,
  }).signedAttributes.length;
  const { issuer, serial } = issuerAndSerialLength(signer.certificate);
  const key = new X509Certificate(signer.certificate).publicKey.asymmetricKeyDetails;
  const signature =
    signer.algorithm === 'ecdsa-p256-sha256' ? 72 : Math.ceil((key?.modulusLength ?? 4096) / 8);
  const size = certs + attributes + issuer + serial + signature + 256;
  sizeCache.set(signer, size);
  return size;
}

/** X.509 (RFC 5280 §4.1): Certificate → tbsCertificate → [0] version?, serialNumber, signature, issuer. */
function issuerAndSerialLength(der: Uint8Array): { issuer: number; serial: number } {
  const tlv = (at: number) => {
    const first = der[at + 1] ?? 0;
    if (first < 0x80) {
      return { header: 2, length: first };
    }
    const n = first & 0x7f;
    let length = 0;
    for (let i = 0; i < n; i++) {
      length = length * 256 + (der[at + 2 + i] ?? 0);
    }
    return { header: 2 + n, length };
  };
  const tbs = tlv(0).header;
  let at = tbs + tlv(tbs).header;
  if (der[at] === 0xa0) {
    const v = tlv(at);
    at += v.header + v.length;
  }
  const serial = tlv(at);
  at += serial.header + serial.length;
  const algorithm = tlv(at);
  at += algorithm.header + algorithm.length;
  const issuer = tlv(at);
  return { issuer: issuer.header + issuer.length, serial: serial.header + serial.length };
}

/**
 * The PKCS#12 key derivation function (RFC 7292 Appendix B.2), used for the integrity MAC (ID 3) and, in
 * legacy files, for PBE keys (ID 1) and IVs (ID 2). The password is a BMPString with two trailing zero
 * bytes (Appendix B.1).
 */
import { createHash } from 'node:crypto';

const digests: Record<string, { name: string; u: number; v: number }> = {
  '1.3.14.3.2.26': { name: 'sha1', u: 20, v: 64 },
  '2.16.840.1.101.3.4.2.1': { name: 'sha256', u: 32, v: 64 },
  '2.16.840.1.101.3.4.2.2': { name: 'sha384', u: 48, v: 128 },
  '2.16.840.1.101.3.4.2.3': { name: 'sha512', u: 64, v: 128 },
};

export const isPkcs12Digest = (oid: string): boolean => oid in digests;

export function bmpPassword(password: string): Uint8Array {
  const out = new Uint8Array(password.length * 2 + 2);
  for (let i = 0; i < password.length; i++) {
    const code = password.charCodeAt(i);
    out[2 * i] = code >> 8;
    out[2 * i + 1] = code & 0xff;
  }
  return out;
}

function repeatTo(source: Uint8Array, v: number): Uint8Array {
  if (source.length === 0) {
    return new Uint8Array(0);
  }
  const out = new Uint8Array(v * Math.ceil(source.length / v));
  for (let i = 0; i < out.length; i++) {
    out[i] = source[i % source.length]!;
  }
  return out;
}

export function pkcs12Kdf(
  digestOid: string,
  password: Uint8Array,
  salt: Uint8Array,
  id: 1 | 2 | 3,
  iterations: number,
  length: number,
): Uint8Array {
  const digest = digests[digestOid];
  if (!digest) {
    throw new Error(`no PKCS#12 KDF for digest ${digestOid}`);
  }
  const { name, u, v } = digest;
  const d = new Uint8Array(v).fill(id);
  const i = new Uint8Array([...repeatTo(salt, v), ...repeatTo(password, v)]);
  const out = new Uint8Array(Math.ceil(length / u) * u);
  for (let block = 0; block * u < length; block++) {
    let a = createHash(name).update(d).update(i).digest();
    for (let round = 1; round < iterations; round++) {
      a = createHash(name).update(a).digest();
    }
    out.set(a, block * u);
    // B = A repeated to v bytes; each v-byte block Ij of I becomes (Ij + B + 1) mod 2^(8v).
    const b = repeatTo(a, v).subarray(0, v);
    for (let offset = 0; offset < i.length; offset += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = i[offset + k]! + b[k]! + carry;
        i[offset + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return out.subarray(0, length);
}

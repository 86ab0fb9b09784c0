/**
 * RC2-CBC decryption (RFC 2268), only to read legacy PKCS#12 files whose certificates are encrypted with
 * pbeWithSHAAnd40BitRC2-CBC (what `openssl pkcs12 -export -legacy` and older Windows exports write).
 * OpenSSL 3 keeps RC2 in its legacy provider, which Node does not load.
 */

// RFC 2268 §2: PITABLE, a permutation of 0..255 derived from the digits of pi.
const pitable = Uint8Array.from(
  Buffer.from(
    'd978f9c419ddb5ed28e9fd794aa0d89dc67e37832b76538e624c6488448bfba2179a59f587b34f1361456d8d09817d32bd8f40eb86b77b0bf09521225c6b4e8254d66593ce60b21c7356c014a78cf1dc1275ca1f3bbee4d1423dd430a33cb6266fbf0eda4669075727f21d9bbc944303f811c7f690ef3ee706c3d52fc8661ed708e8eade8052eef784aa72ac354d6a2a961ad2715a1549744b9fd05e0418a4ecc2e0416e0f51cbcc2491af50a1f47039997c3a8523b8b47afc02365b25559731' +
      '2d5dfa98e38a92ae05df2910676cbac9d300e6cfe19ea82c6316013f58e289a90d38341bab33ffb0bb480c5fb9b1cd2ec5f3db47e5a59c770aa62068fe7fc1ad',
    'hex',
  ),
);

/** Key expansion (RFC 2268 §2) → 64 16-bit subkeys. */
export function rc2ExpandKey(key: Uint8Array, effectiveBits: number): Uint16Array {
  const l = new Uint8Array(128);
  l.set(key);
  const t = key.length;
  for (let i = t; i < 128; i++) {
    l[i] = pitable[(l[i - 1]! + l[i - t]!) & 0xff]!;
  }
  const t8 = (effectiveBits + 7) >> 3;
  const tm = 0xff % (1 << (8 + effectiveBits - 8 * t8));
  l[128 - t8] = pitable[l[128 - t8]! & tm]!;
  for (let i = 127 - t8; i >= 0; i--) {
    l[i] = pitable[l[i + 1]! ^ l[i + t8]!]!;
  }
  const k = new Uint16Array(64);
  for (let i = 0; i < 64; i++) {
    k[i] = l[2 * i]! | (l[2 * i + 1]! << 8);
  }
  return k;
}

const rotr16 = (x: number, n: number) => ((x >>> n) | (x << (16 - n))) & 0xffff;

/** Decrypts one 8-byte block in place (RFC 2268 §4). */
function decryptBlock(k: Uint16Array, block: Uint8Array): void {
  const r = [0, 1, 2, 3].map((i) => block[2 * i]! | (block[2 * i + 1]! << 8));
  const s = [1, 2, 3, 5];
  let j = 63;
  const mix = () => {
    for (let i = 3; i >= 0; i--) {
      r[i] = rotr16(r[i]!, s[i]!);
      r[i] =
        (r[i]! - k[j--]! - (r[(i + 3) & 3]! & r[(i + 2) & 3]!) - (~r[(i + 3) & 3]! & r[(i + 1) & 3]!)) &
        0xffff;
    }
  };
  const mash = () => {
    for (let i = 3; i >= 0; i--) {
      r[i] = (r[i]! - k[r[(i + 3) & 3]! & 63]!) & 0xffff;
    }
  };
  for (let round = 0; round < 5; round++) {
    mix();
  }
  mash();
  for (let round = 0; round < 6; round++) {
    mix();
  }
  mash();
  for (let round = 0; round < 5; round++) {
    mix();
  }
  for (let i = 0; i < 4; i++) {
    block[2 * i] = r[i]! & 0xff;
    block[2 * i + 1] = r[i]! >> 8;
  }
}

export function rc2DecryptBlockForTest(
  key: Uint8Array,
  effectiveBits: number,
  block: Uint8Array,
): Uint8Array {
  const out = new Uint8Array(block);
  decryptBlock(rc2ExpandKey(key, effectiveBits), out);
  return out;
}

/** RC2-CBC decryption; returns the padded plaintext (the caller strips PKCS#7 padding). */
export function rc2CbcDecrypt(
  key: Uint8Array,
  effectiveBits: number,
  iv: Uint8Array,
  data: Uint8Array,
): Uint8Array {
  const k = rc2ExpandKey(key, effectiveBits);
  const out = new Uint8Array(data.length);
  let previous = iv;
  for (let offset = 0; offset + 8 <= data.length; offset += 8) {
    const block = data.slice(offset, offset + 8);
    decryptBlock(k, block);
    for (let i = 0; i < 8; i++) {
      out[offset + i] = block[i]! ^ previous[i]!;
    }
    previous = data.subarray(offset, offset + 8);
  }
  return out;
}

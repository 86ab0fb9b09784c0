/** CRLReason (RFC 5280 §5.3.1), shared by CRL entries and OCSP RevokedInfo (RFC 6960 §4.2.1). */
export type RevocationReason =
  | 'unspecified'
  | 'keyCompromise'
  | 'cACompromise'
  | 'affiliationChanged'
  | 'superseded'
  | 'cessationOfOperation'
  | 'certificateHold'
  | 'removeFromCRL'
  | 'privilegeWithdrawn'
  | 'aACompromise';

const codes: Record<RevocationReason, number> = {
  unspecified: 0,
  keyCompromise: 1,
  cACompromise: 2,
  affiliationChanged: 3,
  superseded: 4,
  cessationOfOperation: 5,
  certificateHold: 6,
  removeFromCRL: 8,
  privilegeWithdrawn: 9,
  aACompromise: 10,
};

export const reasonCode = (reason: RevocationReason): number => codes[reason];

export function reasonFromCode(code: number): RevocationReason | undefined {
  return (Object.keys(codes) as RevocationReason[]).find((reason) => codes[reason] === code);
}

/** Serial numbers are passed around as lowercase hex of the INTEGER content bytes (as in ParsedCertificate). */
export function serialBytes(serial: string | Uint8Array): Uint8Array {
  if (typeof serial !== 'string') {
    return serial;
  }
  const hex = serial.replace(/[^0-9a-f]/gi, '');
  return new Uint8Array(Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex'));
}

export function serialHex(serial: string | Uint8Array): string {
  // Normalise to the minimal positive INTEGER content (leading 00 only when the high bit is set).
  let bytes = serialBytes(serial);
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0 && !(bytes[start + 1]! & 0x80)) {
    start++;
  }
  bytes = bytes.subarray(start);
  const hex = Buffer.from(bytes).toString('hex');
  return bytes[0]! & 0x80 ? `00${hex}` : hex;
}

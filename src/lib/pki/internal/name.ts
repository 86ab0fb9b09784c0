/**
 * X.501 Names (RFC 5280 §4.1.2.4) from a list of attributes, most general first. Country is a
 * PrintableString (RFC 5280 Appendix A), everything else UTF8String, so Vietnamese diacritics survive.
 */
import { PkiError } from '../errors.ts';
import {
  children,
  content,
  type Element,
  objectIdentifier,
  printableString,
  readOid,
  sequence,
  setOf,
  utf8String,
} from './der.ts';
import { oid } from './oids.ts';

/** Attribute short names as OpenSSL prints them; `T` is title, `UID` userId (RFC 4519). */
export type NameAttributeType =
  | 'C'
  | 'ST'
  | 'L'
  | 'O'
  | 'OU'
  | 'T'
  | 'CN'
  | 'UID'
  | 'serialNumber'
  | 'GN'
  | 'SN'
  | 'emailAddress';

export type NameAttribute = readonly [type: NameAttributeType, value: string];

const typeOids: Record<NameAttributeType, string> = {
  C: oid.country,
  ST: oid.stateOrProvince,
  L: oid.locality,
  O: oid.organization,
  OU: oid.organizationalUnit,
  T: oid.title,
  CN: oid.commonName,
  UID: oid.userId,
  serialNumber: oid.serialNumber,
  GN: oid.givenName,
  SN: oid.surname,
  emailAddress: oid.emailAddress,
};

const oidTypes = new Map(Object.entries(typeOids).map(([type, id]) => [id, type as NameAttributeType]));

export function encodeName(attributes: readonly NameAttribute[]): Uint8Array {
  return sequence(
    ...attributes.map(([type, value]) => {
      if (value.length === 0) {
        throw new PkiError('INVALID_ARGUMENT', `empty ${type} in a name`);
      }
      const encodedValue =
        type === 'C' || type === 'serialNumber'
          ? printableString(value)
          : type === 'emailAddress'
            ? printableString(value)
            : utf8String(value);
      return setOf([sequence(objectIdentifier(typeOids[type]), encodedValue)]);
    }),
  );
}

/** Name → attributes in encoded order; unknown types are reported by dotted OID. */
export function decodeName(name: Element): Array<readonly [string, string]> {
  const out: Array<readonly [string, string]> = [];
  for (const rdn of children(name)) {
    for (const atv of children(rdn)) {
      const [typeElement, valueElement] = children(atv);
      const type = readOid(typeElement);
      const bytes = content(valueElement!);
      // BMPString (0x1e) is UTF-16BE; the other string types used in names are ASCII/UTF-8 compatible.
      const value =
        valueElement!.tag === 0x1e
          ? Buffer.from(bytes).swap16().toString('utf16le')
          : new TextDecoder().decode(bytes);
      out.push([oidTypes.get(type) ?? type, value]);
    }
  }
  return out;
}

/** First value of each attribute by short name, e.g. { CN, O, T, UID }. */
export function firstValues(fields: ReadonlyArray<readonly [string, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [type, value] of fields) {
    out[type] ??= value;
  }
  return out;
}

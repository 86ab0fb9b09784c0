import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { PkiError } from '../errors.ts';
import {
  children,
  generalizedTime,
  integer,
  namedBits,
  objectIdentifier,
  readInteger,
  readOid,
  readRoot,
  readTime,
  sequence,
  setOf,
  time,
  tlv,
  utcTime,
} from './der.ts';

const vectors = JSON.parse(readFileSync(new URL('../vectors/der-encodings.json', import.meta.url), 'utf8'));
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));

test('DER writer and reader: known encodings of OIDs, INTEGERs, named bits and times', () => {
  for (const v of vectors.objectIdentifiers) {
    assert.equal(hex(objectIdentifier(v.oid)), v.der, v.oid);
    assert.equal(readOid(readRoot(bytes(v.der))), v.oid);
  }
  for (const v of vectors.integers) {
    assert.equal(hex(integer(BigInt(v.value))), v.der, v.value);
    assert.equal(readInteger(readRoot(bytes(v.der))), BigInt(v.value));
  }
  for (const v of vectors.namedBits) {
    assert.equal(hex(namedBits(v.bits)), v.der, JSON.stringify(v.bits));
  }
  const [utc, far, ms] = vectors.times;
  assert.equal(hex(utcTime(new Date(utc.date))), utc.utc);
  assert.equal(hex(time(new Date(far.date))), far.time, 'GeneralizedTime from 2050 (RFC 5280 §4.1.2.5)');
  assert.equal(
    hex(generalizedTime(new Date(ms.date), true)),
    ms.generalizedMs,
    'no trailing zero in fractions',
  );
  assert.equal(readTime(readRoot(bytes(ms.generalizedMs))).toISOString(), ms.date);
  assert.equal(readTime(readRoot(bytes(utc.utc))).toISOString(), new Date(utc.date).toISOString());
});

test('SET OF is sorted by encoding (X.690 §11.6); BER indefinite lengths are read; bad lengths refused', () => {
  const a = integer(2);
  const b = integer(1);
  assert.equal(hex(setOf([a, b])), `3106${hex(b)}${hex(a)}`);
  const indefinite = bytes('3080020101020102' + '0000');
  assert.deepEqual(
    children(readRoot(indefinite)).map((e) => readInteger(e)),
    [1n, 2n],
  );
  for (const bad of ['30', '3005020101', '3080020101', '0480', '3085ffffffffff', '1f0100']) {
    assert.throws(
      () => readRoot(bytes(bad)),
      (error: unknown) => error instanceof PkiError && error.code === 'MALFORMED_INPUT',
      bad,
    );
  }
  // Nesting deeper than any real structure is refused, not a stack overflow.
  const deep = new Uint8Array([...new Array(200).fill([0x30, 0x80]).flat(), ...new Array(400).fill(0)]);
  assert.throws(
    () => readRoot(deep),
    (error: unknown) => error instanceof PkiError,
  );
  assert.equal(hex(sequence()), '3000');
});

test('DER lengths: short form below 128, long form with the fewest octets (X.690 §8.1.3.5)', () => {
  const cases: Array<[number, string]> = [
    [0, '0400'],
    [127, '047f'],
    [128, '048180'],
    [255, '0481ff'],
    [256, '04820100'],
    [65535, '0482ffff'],
    [65536, '0483010000'],
    [16777216, '048401000000'],
  ];
  for (const [length, header] of cases) {
    const encoded = tlv(0x04, new Uint8Array(length).fill(0xaa));
    assert.equal(hex(encoded.subarray(0, header.length / 2)), header, `length ${length}`);
    assert.equal(encoded.length, header.length / 2 + length);
    assert.equal(readRoot(encoded).end, encoded.length);
  }
});

test('objectIdentifier returns a fresh array: a caller changing it cannot corrupt the next encoding', () => {
  const first = objectIdentifier('1.2.840.113549.1.7.2');
  first.fill(0);
  assert.equal(hex(objectIdentifier('1.2.840.113549.1.7.2')), '06092a864886f70d010702');
});

// Known-answer vectors from ISO 32000-2 (vectors/syntax.json) replayed through the parser, the serializer
// (parse → write → parse is stable) and the date reader.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { PdfError } from '../errors.ts';
import { parsePdfDate, pdfDate } from './dates.ts';
import { PdfDict, PdfName, type PdfObject, PdfRef, PdfString, sameObject } from './objects.ts';
import { Parser } from './parser.ts';
import { ByteWriter } from './serialize.ts';

interface Vector {
  pdf: string;
  expect: {
    string?: string;
    hex?: string;
    name?: string;
    number?: number;
    ref?: [number, number];
    array?: number;
    dictKeys?: string[];
  };
}

const vectors = JSON.parse(readFileSync(new URL('../vectors/syntax.json', import.meta.url), 'utf8')) as {
  objects: Vector[];
  dates: Array<{ pdf: string; iso: string }>;
};

const parse = (text: string): PdfObject => new Parser(Buffer.from(text, 'latin1')).parseObject();

test('ISO 32000-2 §7.3 syntax vectors', () => {
  for (const v of vectors.objects) {
    const value = parse(v.pdf);
    const e = v.expect;
    if (e.string !== undefined) {
      assert.ok(value instanceof PdfString, v.pdf);
      assert.equal(Buffer.from(value.bytes).toString('latin1'), e.string, v.pdf);
    } else if (e.hex !== undefined) {
      assert.ok(value instanceof PdfString, v.pdf);
      assert.equal(Buffer.from(value.bytes).toString('hex'), e.hex, v.pdf);
    } else if (e.name !== undefined) {
      assert.ok(value instanceof PdfName, v.pdf);
      assert.equal(value.value, e.name);
    } else if (e.number !== undefined) {
      assert.equal(value, e.number, v.pdf);
    } else if (e.ref) {
      assert.ok(value instanceof PdfRef && value.num === e.ref[0] && value.gen === e.ref[1], v.pdf);
    } else if (e.array !== undefined) {
      assert.ok(Array.isArray(value) && value.length === e.array, v.pdf);
    } else if (e.dictKeys) {
      assert.ok(value instanceof PdfDict, v.pdf);
      assert.deepEqual([...value.map.keys()], e.dictKeys, 'a null value is an absent entry (§7.3.7)');
    }
    const written = new ByteWriter().object(value).toBuffer().toString('latin1');
    assert.ok(sameObject(parse(written), value), `round trip of ${v.pdf}: ${written}`);
  }
});

test('§7.9.4 dates', () => {
  for (const v of vectors.dates) {
    assert.equal(parsePdfDate(v.pdf)?.toISOString(), v.iso, v.pdf);
  }
  const now = new Date(Date.UTC(2026, 0, 5, 2, 30, 0));
  assert.equal(pdfDate(now), 'D:20260105023000Z');
  assert.equal(pdfDate(now, 420), "D:20260105093000+07'00'");
  assert.equal(parsePdfDate(pdfDate(now, 420))?.getTime(), now.getTime());
});

test('garbage gives MALFORMED, deep nesting is bounded', () => {
  for (const bad of ['(unterminated', '<< /A 1', '[1 2', '<12G4>', ')', '<< 1 2 >>', '['.repeat(10_000)]) {
    assert.throws(
      () => parse(bad),
      (e: unknown) => e instanceof PdfError && e.code === 'MALFORMED',
      bad.slice(0, 20),
    );
  }
});

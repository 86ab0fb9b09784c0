import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { basePdf } from '../../../../test/fixtures/pdf/corpus.ts';
import { hasTool, INSTALL_HINT } from '../../../../test/fixtures/pdf/tools.ts';
import { PdfError } from '../errors.ts';
import { PdfDocument } from './document.ts';
import { DocumentEdit } from './edit.ts';
import { isName, PdfDict, PdfString } from './objects.ts';
import { findPage, pageCount } from './pages.ts';

const dir = mkdtempSync(join(tmpdir(), 'xaso-pdf-doc-'));

function qpdf(args: string[], input: Uint8Array): Uint8Array {
  const inPath = join(dir, `in-${Math.random()}.pdf`);
  const outPath = `${inPath}.out.pdf`;
  writeFileSync(inPath, input);
  execFileSync('qpdf', [...args, inPath, outPath]);
  return readFileSync(outPath);
}

test('reads a classic xref table and finds pages without reading the others', async () => {
  const doc = PdfDocument.open(await basePdf(5));
  assert.equal(doc.lastXrefKind, 'table');
  assert.equal(pageCount(doc), 5);
  const page = findPage(doc, 4);
  assert.ok(isName(page.dict.get('Type'), 'Page'));
  assert.throws(
    () => findPage(doc, 5),
    (e: unknown) => e instanceof PdfError && e.code === 'INVALID_ARGUMENT',
  );
  assert.equal(doc.revisions().length, 1);
});

test('reads xref streams, object streams and linearized files', async (t) => {
  if (!hasTool('qpdf')) {
    t.skip(INSTALL_HINT.qpdf);
    return;
  }
  const base = await basePdf(3);
  for (const args of [
    ['--object-streams=generate'],
    ['--linearize'],
    ['--linearize', '--object-streams=generate'],
  ]) {
    const doc = PdfDocument.open(qpdf(args, base));
    assert.equal(pageCount(doc), 3, args.join(' '));
    const page = findPage(doc, 2);
    assert.ok(isName(page.dict.get('Type'), 'Page'));
    assert.equal(doc.revisions().length, 1, `${args.join(' ')}: one revision`);
  }
});

test('an incremental update keeps the input bytes and adds a revision of the same xref kind', async (t) => {
  const inputs: Array<[string, Uint8Array]> = [
    ['table', await basePdf(2)],
    ['stream', await basePdf(2, true)],
  ];
  for (const [kind, input] of inputs) {
    const doc = PdfDocument.open(input);
    const edit = new DocumentEdit(doc);
    const info = edit.add(new PdfDict().set('Title', PdfString.text('Quyết định số 15/QĐ-UBND')));
    const root = edit.editDict(edit.rootRef());
    root.set('XasoTest', info);
    const { bytes } = edit.write();
    assert.deepEqual(bytes.subarray(0, input.length), Buffer.from(input), 'input bytes unchanged');
    const updated = PdfDocument.open(bytes);
    assert.equal(updated.lastXrefKind, kind);
    const [first, second, ...more] = updated.revisions();
    assert.ok(first && second && more.length === 0, 'two revisions');
    // the first ends after its %%EOF line (the writer adds the end-of-line when the input lacks it)
    assert.ok(
      first.start === 0 && first.end - input.length >= 0 && first.end - input.length <= 1,
      `${first.end}`,
    );
    assert.deepEqual([second.start, second.end, second.xrefKind], [first.end, bytes.length, kind]);
    const title = updated.getDict(updated.catalog().get('XasoTest'))?.get('Title');
    assert.ok(title instanceof PdfString);
    assert.equal(title.toText(), 'Quyết định số 15/QĐ-UBND');
    if (hasTool('qpdf')) {
      const path = join(dir, `update-${kind}.pdf`);
      writeFileSync(path, bytes);
      execFileSync('qpdf', ['--check', path]);
    } else {
      t.diagnostic(INSTALL_HINT.qpdf);
    }
  }
});

test('bad input gives closed error codes', async (t) => {
  const code = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return e instanceof PdfError ? e.code : `not a PdfError: ${e}`;
    }
    return 'no error';
  };
  assert.equal(
    code(() => PdfDocument.open(new TextEncoder().encode('hello world, not a pdf'))),
    'NOT_PDF',
  );
  const base = await basePdf(1);
  assert.equal(
    code(() => PdfDocument.open(base.subarray(0, base.length / 2))),
    'MALFORMED',
  );
  if (hasTool('qpdf')) {
    const encrypted = qpdf(['--encrypt', 'u', 'o', '256', '--'], base);
    assert.equal(
      code(() => PdfDocument.open(encrypted)),
      'ENCRYPTED',
    );
  } else {
    t.diagnostic(INSTALL_HINT.qpdf);
  }
});

test('fuzzed files never crash or hang the reader: PdfError or a readable document', async () => {
  const base = await basePdf(2);
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const started = Date.now();
  for (let i = 0; i < 300; i++) {
    const mutated = Uint8Array.from(base);
    const changes = 1 + Math.floor(random() * 20);
    for (let k = 0; k < changes; k++) {
      mutated[Math.floor(random() * mutated.length)] = Math.floor(random() * 256);
    }
    const cut = random() < 0.2 ? mutated.subarray(0, Math.floor(random() * mutated.length)) : mutated;
    try {
      const doc = PdfDocument.open(cut);
      pageCount(doc);
      findPage(doc, 0);
      doc.revisions();
    } catch (error) {
      assert.ok(error instanceof PdfError, `iteration ${i}: ${error}`);
    }
  }
  assert.ok(Date.now() - started < 20_000, 'fuzz loop finished in time');
});

test('wrong object offsets in the xref table fall back to a scan, as other readers do', async () => {
  const base = Buffer.from(await basePdf(2));
  // two bytes inserted after the header comment shift every object; startxref is corrected, the table is not
  const headerEnd = base.indexOf('\n', base.indexOf('\n') + 1) + 1;
  const shifted = Buffer.concat([base.subarray(0, headerEnd), Buffer.from('\n\n'), base.subarray(headerEnd)]);
  const at = shifted.lastIndexOf('startxref');
  const value = Number(/startxref\s+(\d+)/.exec(shifted.toString('latin1', at))![1]);
  const fixed = Buffer.concat([shifted.subarray(0, at), Buffer.from(`startxref\n${value + 2}\n%%EOF\n`)]);
  const doc = PdfDocument.open(fixed);
  assert.equal(pageCount(doc), 2);
  assert.ok(isName(findPage(doc, 1).dict.get('Type'), 'Page'));
});

test('a wrong startxref falls back to the last cross-reference section', async () => {
  for (const input of [await basePdf(2), await basePdf(2, true)]) {
    const text = Buffer.from(input);
    const at = text.lastIndexOf('startxref');
    const value = Number(/startxref\s+(\d+)/.exec(text.toString('latin1', at))![1]);
    const broken = Buffer.concat([text.subarray(0, at), Buffer.from(`startxref\n${value - 7}\n%%EOF\n`)]);
    const doc = PdfDocument.open(broken);
    assert.equal(doc.startxref, value, 'the section actually found');
    assert.equal(pageCount(doc), 2);
  }
});

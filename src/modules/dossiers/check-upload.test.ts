// Uploads are judged by content (issue 6 §3): magic bytes pick the format, a structural check refuses
// truncated or disguised files. The fixtures are made here: a PDF with a correct xref, a PNG with right CRCs,
// and JPEG segments per ITU-T T.81.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crc32, deflateSync } from 'node:zlib';
import { isAppError } from '../../platform/errors.ts';
import { checkUpload, checkUploadSizes } from './check-upload.ts';

function pdf(): Buffer {
  const head = '%PDF-1.7\n';
  const object = '1 0 obj\n<< /Type /Catalog >>\nendobj\n';
  const xref = head.length + object.length;
  return Buffer.from(
    `${head}${object}xref\n0 2\n0000000000 65535 f \n${String(head.length).padStart(10, '0')} 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
    'latin1',
  );
}

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

function png(): Buffer {
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0])),
    pngChunk('IDAT', deflateSync(Buffer.from([0, 0]))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function jpeg(): Buffer {
  const segment = (marker: number, data: number[]) => [0xff, marker, 0, data.length + 2, ...data];
  return Buffer.from([
    0xff,
    0xd8,
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...segment(0xc0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]),
    ...segment(0xda, [1, 1, 0, 0, 0x3f, 0]),
    0x12,
    0x34,
    0xff,
    0xd9,
  ]);
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    assert.ok(isAppError(error));
    return `${error.code}:${Object.values(error.fields ?? {})[0]}`;
  }
}

test('well-formed PDF, PNG and JPEG are recognised by content, whatever their name', () => {
  assert.equal(checkUpload(pdf(), 'a'), 'application/pdf');
  assert.equal(checkUpload(png(), 'a.pdf'), 'image/png');
  assert.equal(checkUpload(jpeg(), 'a.png'), 'image/jpeg');
});

test('truncated or damaged files are refused as broken (415)', () => {
  const p = pdf();
  assert.equal(
    codeOf(() => checkUpload(p.subarray(0, p.length - 10), 'x')),
    'UNSUPPORTED_MEDIA_TYPE:uploadBroken',
  );
  // A startxref pointing at nothing that starts a cross-reference section.
  const shifted = Buffer.from(p.toString('latin1').replace(/startxref\n(\d+)/, 'startxref\n3'), 'latin1');
  assert.equal(
    codeOf(() => checkUpload(shifted, 'x')),
    'UNSUPPORTED_MEDIA_TYPE:uploadBroken',
  );
  const g = png();
  assert.equal(
    codeOf(() => checkUpload(g.subarray(0, g.length - 12), 'x')),
    'UNSUPPORTED_MEDIA_TYPE:uploadBroken',
  );
  const badCrc = Buffer.from(g);
  badCrc.writeUInt8(badCrc.readUInt8(20) ^ 0xff, 20);
  assert.equal(
    codeOf(() => checkUpload(badCrc, 'x')),
    'UNSUPPORTED_MEDIA_TYPE:uploadBroken',
  );
  const j = jpeg();
  assert.equal(
    codeOf(() => checkUpload(j.subarray(0, j.length - 2), 'x')),
    'UNSUPPORTED_MEDIA_TYPE:uploadBroken',
  );
  assert.equal(
    codeOf(() => checkUpload(j.subarray(0, 12), 'x')),
    'UNSUPPORTED_MEDIA_TYPE:uploadBroken',
  );
});

test('other formats are refused as unsupported (415), empty files too', () => {
  for (const bytes of [
    Buffer.from('GIF89a'),
    Buffer.from('PK\x03\x04'),
    Buffer.from('<html>'),
    Buffer.alloc(0),
  ]) {
    assert.equal(
      codeOf(() => checkUpload(bytes, 'x')),
      'UNSUPPORTED_MEDIA_TYPE:uploadType',
    );
  }
});

test('size limits per file and per dossier are 413', () => {
  const limits = { maxFileBytes: 10, maxDossierBytes: 15 };
  const file = (n: number) => ({ bytes: new Uint8Array(n), label: 'x' });
  assert.equal(
    codeOf(() => checkUploadSizes([file(10), file(5)], limits)),
    undefined,
  );
  assert.equal(
    codeOf(() => checkUploadSizes([file(11)], limits)),
    'PAYLOAD_TOO_LARGE:uploadTooLarge',
  );
  assert.equal(
    codeOf(() => checkUploadSizes([file(10), file(6)], limits)),
    'PAYLOAD_TOO_LARGE:undefined',
  );
});

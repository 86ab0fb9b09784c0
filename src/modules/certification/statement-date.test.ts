import assert from 'node:assert/strict';
import { test } from 'node:test';
import { statementParagraphs } from './render-certified-pdf.ts';
import { numberInWords, statementDate, statementDateInWords } from './statement-date.ts';

test('numbers in Vietnamese words', () => {
  assert.equal(numberInWords(2026), 'hai nghìn không trăm hai mươi sáu');
  assert.equal(numberInWords(2030), 'hai nghìn không trăm ba mươi');
  assert.equal(numberInWords(2105), 'hai nghìn một trăm linh năm');
  assert.equal(numberInWords(2000), 'hai nghìn');
  assert.equal(numberInWords(15), 'mười lăm');
  assert.equal(numberInWords(21), 'hai mươi mốt');
  assert.equal(numberInWords(24), 'hai mươi tư');
  assert.equal(numberInWords(11), 'mười một');
});

test('dates in Vietnam time, in figures and in words', () => {
  // 17:30 UTC on 6 December is 00:30 on 7 December in Vietnam.
  const at = new Date('2026-12-06T17:30:00Z');
  assert.equal(statementDate(at), 'Ngày 07 tháng 12 năm 2026');
  assert.equal(
    statementDateInWords(at),
    'ngày mồng bảy tháng mười hai năm hai nghìn không trăm hai mươi sáu',
  );
  assert.equal(
    statementDateInWords(new Date('2027-04-25T03:00:00Z')),
    'ngày hai mươi lăm tháng tư năm hai nghìn không trăm hai mươi bảy',
  );
});

test('the statements in the wording of Circular 01/2020', () => {
  const at = new Date('2026-12-07T02:00:00Z');
  const common = {
    number: '12/1/2026/SCT/BS',
    seq: 12,
    book: 1,
    year: 2026,
    dateText: statementDate(at),
    dateInWords: statementDateInWords(at),
    unitName: 'Ủy ban nhân dân xã Bình Ca',
    signerName: 'Hoàng Văn Thành',
    signerTitle: 'Chủ tịch Ủy ban nhân dân xã',
    requesterName: 'Nguyễn Văn An',
    requesterIdentifier: '008085004211',
    paperTitle: 'Giấy khai sinh',
    copies: 2,
  };
  const copy = statementParagraphs({ ...common, kind: 'copy' }).map((p) => p.text);
  assert.ok(copy.includes('Chứng thực bản sao này đúng với bản chính.'));
  assert.ok(copy.some((t) => t.startsWith('Số chứng thực: 12/1/2026/SCT/BS')));
  assert.ok(copy.includes('Ngày 07 tháng 12 năm 2026, tại Ủy ban nhân dân xã Bình Ca.'));
  const signature = statementParagraphs({ ...common, kind: 'signature', number: '3/1/2026/SCT/CK,ĐC' })
    .map((p) => p.text)
    .join('\n');
  assert.match(signature, /bằng chữ: ngày mồng bảy tháng mười hai năm hai nghìn không trăm hai mươi sáu/);
  assert.match(signature, /tôi Hoàng Văn Thành, Chủ tịch Ủy ban nhân dân xã/);
  assert.match(
    signature,
    /Ông\/bà Nguyễn Văn An, giấy tờ tùy thân số 008085004211, đã ký vào giấy tờ, văn bản/,
  );
  assert.match(signature, /trước mặt tôi\./);
  assert.match(signature, /3\/1\/2026\/SCT\/CK,ĐC/);
});

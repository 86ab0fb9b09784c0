import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldVietnamese, searchWords } from './fold-vietnamese.ts';

test('folds Vietnamese letters to plain ASCII, lower case', () => {
  assert.equal(foldVietnamese('Đăng ký khai sinh'), 'dang ky khai sinh');
  assert.equal(foldVietnamese('  Chứng thực   CHỮ KÝ '), 'chung thuc chu ky');
  assert.equal(foldVietnamese('Xác định mức độ khuyết tật'), 'xac dinh muc do khuyet tat');
  // Precomposed (NFC) and decomposed (NFD) input fold alike.
  assert.equal(foldVietnamese('Hộ'.normalize('NFD')), foldVietnamese('Hộ'.normalize('NFC')));
  assert.equal(foldVietnamese('ưởng ờ ữ ỹ'), 'uong o u y');
});

test('search words are folded and escaped for like', () => {
  assert.deepEqual(searchWords('Khai  SINH'), ['khai', 'sinh']);
  assert.deepEqual(searchWords('100%_a\\'), ['100\\%\\_a\\\\']);
  assert.deepEqual(searchWords('   '), []);
});

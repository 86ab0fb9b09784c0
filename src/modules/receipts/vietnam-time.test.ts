import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatFormTime, formatPlaceDate } from './vietnam-time.ts';

test('form times are Vietnam time (UTC+7), hh:mm dd/mm/yyyy, across the UTC day boundary', () => {
  assert.equal(formatFormTime(new Date('2026-02-13T09:40:00Z')), '16:40 13/02/2026');
  assert.equal(formatFormTime(new Date('2025-12-31T17:05:00Z')), '00:05 01/01/2026');
  assert.equal(formatFormTime(new Date('2026-01-01T16:59:00Z')), '23:59 01/01/2026');
});

test('place and date per Decree 30/2020 App. I: leading zero for days < 10 and months 1–2 only', () => {
  assert.equal(
    formatPlaceDate('Bình Ca', new Date('2026-01-05T03:00:00Z')),
    'Bình Ca, ngày 05 tháng 01 năm 2026',
  );
  assert.equal(
    formatPlaceDate('Bình Ca', new Date('2026-02-20T03:00:00Z')),
    'Bình Ca, ngày 20 tháng 02 năm 2026',
  );
  assert.equal(
    formatPlaceDate('Bình Ca', new Date('2026-03-09T03:00:00Z')),
    'Bình Ca, ngày 09 tháng 3 năm 2026',
  );
  assert.equal(
    formatPlaceDate('Bình Ca', new Date('2026-12-31T18:00:00Z')),
    'Bình Ca, ngày 01 tháng 01 năm 2027',
  );
});

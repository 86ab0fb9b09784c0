import assert from 'node:assert/strict';
import { test } from 'node:test';
import { niceMax, stackedBarChart } from './bar-chart.ts';

test('the axis maximum is round and the gridlines fall on whole numbers', () => {
  assert.deepEqual([0, 1, 3, 7, 11, 48, 51, 230].map(niceMax), [1, 1, 5, 10, 20, 50, 100, 500]);
  const svg = stackedBarChart({
    id: 'c',
    title: 'Tiêu đề',
    description: 'Mô tả',
    categories: ['10/2026', '11/2026'],
    series: [
      { label: 'A', colour: '#00703c', values: [30, 12] },
      { label: 'B', colour: '#d4351c', values: [18, 0] },
    ],
    tableCaption: 'Bảng',
    categoryHeading: 'Tháng',
  }).value;
  const labels = [...svg.matchAll(/text-anchor="end" fill="#0b0c0c">(\d+)</g)].map((m) => Number(m[1]));
  assert.deepEqual(labels, [0, 10, 20, 30, 40, 50]);
  assert.match(svg, /<svg [^>]*role="img" aria-labelledby="c-title c-desc"/);
  assert.equal(svg.match(/<rect [^>]*><title>/g)?.length, 3, 'no bar for a zero');
  assert.match(svg, /<td>10\/2026<\/td><td>30<\/td><td>18<\/td>/, 'the table alternative');
});

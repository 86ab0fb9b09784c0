// A stacked bar chart drawn on the server as SVG (issue 7 §7: charts that work without JavaScript). The
// SVG is an image with a title and a description (role="img", aria-labelledby); the same figures follow in
// a table under a <details>, which is the accessible alternative and what a screen reader user opens.
import { html, type SafeHtml } from '../html.ts';
import { table } from './content.ts';

export interface ChartSeries {
  readonly label: string;
  /** A fill with at least 3:1 contrast on white (WCAG 1.4.11). */
  readonly colour: string;
  readonly values: readonly number[];
}

const WIDTH = 720;
const HEIGHT = 280;
const LEFT = 48;
const RIGHT = 16;
const TOP = 40;
const BOTTOM = 36;

/** A round axis maximum at or above `max`: 1, 2, 5 × 10^n. */
export function niceMax(max: number): number {
  if (max <= 0) {
    return 1;
  }
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 5, 10].find((m) => m * power >= max) ?? 10;
  return step * power;
}

export function stackedBarChart(options: {
  id: string;
  title: string;
  description: string;
  categories: readonly string[];
  series: readonly ChartSeries[];
  tableCaption: string;
  categoryHeading: string;
}): SafeHtml {
  const { categories, series } = options;
  const totals = categories.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const max = niceMax(Math.max(0, ...totals));
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = plotWidth / Math.max(1, categories.length);
  const barWidth = Math.min(48, slot * 0.6);
  const y = (value: number) => TOP + plotHeight - (value / max) * plotHeight;
  // Gridlines at whole numbers: 50 → every 10, 20 → every 4, 2 → every 1.
  const divisions = [5, 4, 2, 1].find((d) => Number.isInteger(max / d)) ?? 1;
  const ticks = Array.from({ length: divisions + 1 }, (_, i) => (max / divisions) * i);
  // Show every category label when they fit, else every second or third one.
  const labelEvery = Math.ceil(categories.length / 12);
  const titleId = `${options.id}-title`;
  const descId = `${options.id}-desc`;
  return html`<figure class="chart">
<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${titleId} ${descId}" class="chart__svg" font-family="inherit" font-size="12">
<title id="${titleId}">${options.title}</title>
<desc id="${descId}">${options.description}</desc>
${ticks.map(
  (
    v,
  ) => html`<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#b1b4b6" stroke-width="1"/>
<text x="${LEFT - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" fill="#0b0c0c">${String(v)}</text>`,
)}
${categories.map((category, i) => {
  const x = LEFT + slot * i + (slot - barWidth) / 2;
  let base = 0;
  const segments = series.map((s) => {
    const value = s.values[i] ?? 0;
    const top = y(base + value);
    const height = y(base) - top;
    base += value;
    return value > 0
      ? html`<rect x="${x.toFixed(1)}" y="${top.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${height.toFixed(1)}" fill="${s.colour}"><title>${category}: ${s.label} ${String(value)}</title></rect>`
      : '';
  });
  return html`<g>${segments}${
    i % labelEvery === 0
      ? html`<text x="${(x + barWidth / 2).toFixed(1)}" y="${HEIGHT - BOTTOM + 18}" text-anchor="middle" fill="#0b0c0c">${category}</text>`
      : ''
  }</g>`;
})}
${series.map(
  (s, i) =>
    html`<rect x="${LEFT + i * 150}" y="10" width="14" height="14" fill="${s.colour}"/><text x="${LEFT + i * 150 + 20}" y="22" fill="#0b0c0c">${s.label}</text>`,
)}
</svg>
<details class="chart__data">
<summary>${options.tableCaption}</summary>
${table({
  caption: options.title,
  head: [options.categoryHeading, ...series.map((s) => s.label)],
  rows: categories.map((category, i) => [category, ...series.map((s) => String(s.values[i] ?? 0))]),
})}
</details>
</figure>`;
}

import { type HtmlValue, html, type SafeHtml } from '../html.ts';

export function notificationBanner(options: {
  kind: 'info' | 'success';
  title?: string;
  body: HtmlValue;
}): SafeHtml {
  return html`<div class="banner banner--${options.kind}" role="${options.kind === 'success' ? 'alert' : 'region'}"${options.kind === 'info' ? html` aria-label="${options.title ?? ''}"` : ''}>
  ${options.title ? html`<p class="banner__title">${options.title}</p>` : ''}
  <div class="banner__body">${options.body}</div>
</div>`;
}

export function tag(text: string, colour: 'grey' | 'green' | 'red' | 'blue' | 'yellow' = 'blue'): SafeHtml {
  return html`<strong class="tag tag--${colour}">${text}</strong>`;
}

export function table(options: {
  caption?: string;
  head: readonly string[];
  rows: readonly (readonly HtmlValue[])[];
}): SafeHtml {
  return html`<table class="table">
  ${options.caption ? html`<caption class="table__caption">${options.caption}</caption>` : ''}
  <thead><tr>${options.head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
  <tbody>${options.rows.map((row) => html`<tr>${row.map((cell) => html`<td>${cell}</td>`)}</tr>`)}</tbody>
</table>`;
}

export function card(options: { title: string; href?: string; body: string; badge?: SafeHtml }): SafeHtml {
  return html`<li class="card">
  <h3 class="card__title">${options.href ? html`<a href="${options.href}">${options.title}</a>` : options.title} ${options.badge ?? ''}</h3>
  <p>${options.body}</p>
</li>`;
}

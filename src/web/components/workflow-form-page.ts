// BM.02, BM.04, BM.05 and the referral slip as printable HTML (issue 7), from the same model as the PDFs
// (src/modules/workflow/render-workflow-form-pdf.ts), so both print the same words.
import type { FormBlock, WorkflowForm } from '../../modules/workflow/workflow-form.types.ts';
import { html, type SafeHtml } from '../html.ts';
import { formHeader, signatures } from './receipt-page.ts';

function lines(text: string): SafeHtml {
  const parts = text.split('\n');
  return html`${parts.map((part, i) => html`${i > 0 ? html`<br>` : ''}${part}`)}`;
}

function block(b: FormBlock): SafeHtml {
  switch (b.kind) {
    case 'paragraph':
      return b.bold ? html`<p><strong>${b.text}</strong></p>` : html`<p>${b.text}</p>`;
    case 'field':
      return html`<p>${b.label}: ${b.value}</p>`;
    case 'list':
      return html`<ol>${b.items.map((item) => html`<li>${item}</li>`)}</ol>`;
    case 'table':
      return html`<table class="table">
  <caption class="table__caption">${b.caption}</caption>
  <thead><tr>${b.headers.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
  <tbody>${b.rows.map((row) => html`<tr>${row.map((cell) => html`<td>${lines(cell)}</td>`)}</tr>`)}</tbody>
</table>`;
  }
}

/** The form as a printable fragment (an `<article>` with its own `<h1>`). */
export function workflowFormPage(form: WorkflowForm): SafeHtml {
  return html`<article class="receipt" lang="vi">
${formHeader(form.body, form.number, form.date)}
<h1 class="heading-l">${form.title}</h1>
<p class="lead">Mã hồ sơ: <strong>${form.dossierCode}</strong></p>
${form.blocks.map(block)}
${form.signatures.length > 0 ? signatures(form.signatures) : ''}
</article>`;
}

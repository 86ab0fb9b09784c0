// BM.01 and BM.03 as printable HTML fragments (issue 6 §4: "also printable as a page"), with the same
// wording as the PDFs and the app's existing classes (xaso.css hides header, footer and buttons in print).
// Every value goes through the `html` tag, which escapes it; the QR code is inline SVG built here from the
// QR runs (digits only), so the page needs no script and no extra request.

import { applicantLines } from '../../modules/receipts/form-text.ts';
import { QR_QUIET_ZONE, qrDarkRuns } from '../../modules/receipts/qr-code.ts';
import {
  DOCUMENT_FORM_LABELS,
  type ReceiptData,
  type ReceivingBody,
  type RefusalData,
} from '../../modules/receipts/receipt.types.ts';
import { RECEIPT_TITLE } from '../../modules/receipts/render-receipt-pdf.ts';
import { REFUSAL_CLOSING, REFUSAL_TITLE, refusalIntro } from '../../modules/receipts/render-refusal-pdf.ts';
import { formatFormTime, formatPlaceDate } from '../../modules/receipts/vietnam-time.ts';
import { type HtmlValue, html, type SafeHtml, unsafeRaw } from '../html.ts';

export function formHeader(body: ReceivingBody, number: string, date: Date): SafeHtml {
  // the two columns of Decree 30/2020 App. I side by side: a layout table (no CSS needed, prints as such)
  return html`<table class="table" role="presentation"><tr>
  <td>${body.superiorName ? html`${body.superiorName.toLocaleUpperCase('vi')}<br>` : ''}<strong>${body.name.toLocaleUpperCase('vi')}</strong><br>Số: ${number}/TTPVHCC</td>
  <td><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong><br><strong>Độc lập - Tự do - Hạnh phúc</strong><br><em>${formatPlaceDate(body.place, date)}</em></td>
</tr></table>`;
}

function summaryList(rows: readonly (readonly [string, HtmlValue])[]): SafeHtml {
  return html`<dl class="summary-list">${rows.map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}</dl>`;
}

function timeElement(date: Date): SafeHtml {
  return html`<time datetime="${date.toISOString()}">${formatFormTime(date)}</time>`;
}

/** The QR code as one SVG path, one unit per module, quiet zone included. */
export function qrSvg(text: string, label: string): SafeHtml {
  const { size, runs } = qrDarkRuns(text);
  const path = runs
    .map((r) => `M${r.col + QR_QUIET_ZONE} ${r.row + QR_QUIET_ZONE}h${r.length}v1h-${r.length}z`)
    .join('');
  const side = size + 2 * QR_QUIET_ZONE;
  return html`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" width="132" height="132" role="img" aria-label="${label}" shape-rendering="crispEdges"><rect width="${side}" height="${side}" fill="#fff"/><path d="${unsafeRaw(path)}" fill="#000"/></svg>`;
}

export function signatures(blocks: readonly { title: string; name: string }[]): SafeHtml {
  return html`<table class="table">
  <caption class="visually-hidden">Chữ ký (signatures)</caption>
  <thead><tr>${blocks.map((b) => html`<th scope="col">${b.title}<br><em>(Ký và ghi rõ họ tên)</em></th>`)}</tr></thead>
  <tbody><tr>${blocks.map((b) => html`<td><br><br><br><strong>${b.name}</strong></td>`)}</tr></tbody>
</table>`;
}

/** BM.01 receipt as a printable fragment (an `<article>` with its own `<h1>`). */
export function receiptPage(data: ReceiptData): SafeHtml {
  const derivation = data.dueDateDerivation.length
    ? html`<p class="hint">Cách tính: ${data.dueDateDerivation.join('; ')}</p>`
    : '';
  return html`<article class="receipt" lang="vi">
${formHeader(data.body, data.receiptNumber, data.receivedAt)}
<h1 class="heading-l">${RECEIPT_TITLE}</h1>
<p class="lead">Mã hồ sơ: <strong>${data.dossierCode}</strong></p>
<p>${data.body.name} tiếp nhận hồ sơ của:</p>
${summaryList([...applicantLines(data.applicant), ['Nội dung yêu cầu giải quyết', html`<strong>${data.procedureName}</strong>`]])}
<table class="table">
  <caption class="table__caption">1. Thành phần hồ sơ nộp gồm</caption>
  <thead><tr><th scope="col">TT</th><th scope="col">Tên giấy tờ</th><th scope="col">Hình thức</th><th scope="col">Số lượng</th></tr></thead>
  <tbody>${data.documents.map(
    (d, i) =>
      html`<tr><td>${i + 1}</td><td>${d.name}</td><td>${DOCUMENT_FORM_LABELS[d.form]}</td><td>${String(d.count ?? 1).padStart(2, '0')}</td></tr>`,
  )}</tbody>
</table>
${summaryList([
  ['2. Số lượng hồ sơ', `${String(data.sets ?? 1).padStart(2, '0')} (bộ)`],
  ['3. Thời gian giải quyết hồ sơ theo quy định', data.statutoryTime],
  ['4. Thời gian nhận hồ sơ', timeElement(data.receivedAt)],
  [
    '5. Thời gian trả kết quả giải quyết hồ sơ (hẹn trả)',
    html`<strong>${timeElement(data.dueAt)}</strong>${derivation}`,
  ],
  ['6. Đăng ký nhận kết quả tại', data.resultDelivery],
  ['Vào Sổ theo dõi hồ sơ', `Quyển số: ${data.register.book}, Số thứ tự: ${data.register.line}`],
])}
${signatures([
  { title: 'NGƯỜI NỘP HỒ SƠ', name: data.applicant.proxy?.name ?? data.applicant.name },
  { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: data.receivingOfficer },
])}
<figure>
  ${qrSvg(data.lookupUrl, `Mã QR tra cứu hồ sơ ${data.dossierCode}`)}
  <figcaption>Tra cứu tình trạng hồ sơ: quét mã QR hoặc truy cập <a href="${data.lookupUrl}">${data.lookupUrl}</a> và nhập mã hồ sơ cùng 4 số cuối số điện thoại đã đăng ký.</figcaption>
</figure>
</article>`;
}

/** BM.03 refusal as a printable fragment. */
export function refusalPage(data: RefusalData): SafeHtml {
  return html`<article class="refusal" lang="vi">
${formHeader(data.body, data.refusalNumber ?? '…', data.refusedAt)}
<h1 class="heading-l">${REFUSAL_TITLE}</h1>
${data.dossierCode ? html`<p class="lead">Mã hồ sơ: <strong>${data.dossierCode}</strong></p>` : ''}
<p>${data.body.name} tiếp nhận hồ sơ của:</p>
${summaryList([...applicantLines(data.applicant), ['Đề nghị giải quyết', html`<strong>${data.procedureName}</strong>`]])}
<p>${refusalIntro(data.body.name)}</p>
<ol>${data.reasons.map((r) => html`<li>${r}</li>`)}</ol>
<p>${REFUSAL_CLOSING}</p>
${signatures([{ title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: data.receivingOfficer }])}
</article>`;
}

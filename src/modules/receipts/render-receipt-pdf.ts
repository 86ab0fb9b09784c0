// BM.01 "Giấy tiếp nhận hồ sơ và hẹn trả kết quả" (receipt and appointment), the form provinces use under
// Circular 03/2025 (shared/DOMAIN.md "Dossiers"), as an A4 PDF: header per Decree 30/2020 App. I, the
// applicant, the request, the numbered documents, statutory time, receipt and appointment times with the
// due date's derivation, where to collect the result, the register entry, the two signature blocks, and a
// QR code to the public lookup page (issue 6 §4, §5).

import { drawFormOpening } from './form-opening.ts';
import { FormPdf, type FormSignatureArea } from './form-pdf.ts';
import { canonicalSeed } from './form-text.ts';
import { DOCUMENT_FORM_LABELS, type ReceiptData } from './receipt.types.ts';
import { formatFormTime } from './vietnam-time.ts';

export const RECEIPT_TITLE = 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ';

export interface RenderedReceipt {
  pdf: Uint8Array;
  /** The blank space in the receiving officer's block, for a visible signature (`signPdf`'s `visible`). */
  officerSignature: FormSignatureArea;
}

export async function renderReceiptPdf(data: ReceiptData): Promise<Uint8Array> {
  return (await renderReceiptPdfWithLayout(data)).pdf;
}

export async function renderReceiptPdfWithLayout(data: ReceiptData): Promise<RenderedReceipt> {
  const form = await FormPdf.create({
    title: `Giấy tiếp nhận hồ sơ và hẹn trả kết quả ${data.dossierCode}`,
    subject: data.procedureName,
    date: data.receivedAt,
    idSeed: `BM.01\n${canonicalSeed(data)}`,
  });
  drawFormOpening(form, {
    body: data.body,
    number: data.receiptNumber,
    date: data.receivedAt,
    title: RECEIPT_TITLE,
    dossierCode: data.dossierCode,
    applicant: data.applicant,
    requestLabel: 'Nội dung yêu cầu giải quyết',
    procedureName: data.procedureName,
  });
  form.paragraph('1. Thành phần hồ sơ nộp gồm:');
  form.table(
    ['TT', 'Tên giấy tờ', 'Hình thức', 'Số lượng'],
    data.documents.map((d, i) => [
      String(i + 1),
      d.name,
      DOCUMENT_FORM_LABELS[d.form],
      String(d.count ?? 1).padStart(2, '0'),
    ]),
    [0.07, 0.55, 0.25, 0.13],
  );
  form.paragraph(`2. Số lượng hồ sơ: ${String(data.sets ?? 1).padStart(2, '0')} (bộ)`);
  form.paragraph(`3. Thời gian giải quyết hồ sơ theo quy định: ${data.statutoryTime}`);
  form.paragraph(`4. Thời gian nhận hồ sơ: ${formatFormTime(data.receivedAt)}`);
  form.field('5. Thời gian trả kết quả giải quyết hồ sơ (hẹn trả)', formatFormTime(data.dueAt), {
    bold: true,
  });
  if (data.dueDateDerivation.length > 0) {
    form.paragraph(`Cách tính: ${data.dueDateDerivation.join('; ')}`, {
      italic: true,
      size: 9.5,
      indent: 14,
    });
  }
  form.paragraph(`6. Đăng ký nhận kết quả tại: ${data.resultDelivery}`);
  form.paragraph(`Vào Sổ theo dõi hồ sơ, Quyển số: ${data.register.book}, Số thứ tự: ${data.register.line}`);

  form.gap(12);
  const applicantSigner = data.applicant.proxy?.name ?? data.applicant.name;
  form.signatureBlocks([
    { title: 'NGƯỜI NỘP HỒ SƠ', name: applicantSigner },
    { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: data.receivingOfficer, note: data.body.sealName },
  ]);

  // the lookup QR code, with its address beside it for those who type it in
  const moduleSize = 2;
  form.ensureSpace(110);
  form.gap(12);
  const top = form.y;
  const qrSize = form.qr(data.lookupUrl, form.left - 4 * moduleSize, top, moduleSize);
  const textX = form.left + qrSize;
  const textWidth = form.width - qrSize;
  form.y = top - 4 * moduleSize + form.lineHeight(9) * 0.2;
  form.paragraph('Tra cứu tình trạng hồ sơ: quét mã QR hoặc truy cập', {
    size: 9,
    x: textX,
    width: textWidth,
  });
  form.paragraph(data.lookupUrl, { size: 9, x: textX, width: textWidth });
  form.paragraph('và nhập mã hồ sơ cùng 4 số cuối số điện thoại đã đăng ký.', {
    size: 9,
    x: textX,
    width: textWidth,
  });
  form.y = Math.min(form.y, top - qrSize);
  const officerSignature = form.signatureAreas[1];
  if (!officerSignature) {
    throw new Error('the receipt has no receiving officer signature block');
  }
  return { pdf: await form.save(), officerSignature };
}

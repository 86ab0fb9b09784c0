// The opening shared by BM.01 and BM.03: the Decree 30/2020 header, the form's title and dossier code,
// then "<body> tiếp nhận hồ sơ của:" with the applicant and the request.
import type { FormPdf } from './form-pdf.ts';
import { applicantLines } from './form-text.ts';
import type { Applicant, ReceivingBody } from './receipt.types.ts';
import { formatPlaceDate } from './vietnam-time.ts';

export interface FormOpening {
  body: ReceivingBody;
  number: string;
  date: Date;
  title: string;
  dossierCode?: string | undefined;
  applicant: Applicant;
  /** "Nội dung yêu cầu giải quyết" (BM.01) or "Đề nghị giải quyết" (BM.03). */
  requestLabel: string;
  procedureName: string;
}

export function drawFormOpening(form: FormPdf, opening: FormOpening): void {
  drawNationalHeader(form, opening.body, opening.number, opening.date);
  form.gap(14);
  form.paragraph(opening.title, { size: 13, bold: true, align: 'center' });
  if (opening.dossierCode) {
    form.paragraph(`Mã hồ sơ: ${opening.dossierCode}`, { bold: true, align: 'center' });
  }
  form.gap(8);
  form.paragraph(`${opening.body.name} tiếp nhận hồ sơ của:`);
  for (const [label, value] of applicantLines(opening.applicant)) {
    form.field(label, value);
  }
  form.field(opening.requestLabel, opening.procedureName, { bold: true });
}

/**
 * The header of Decree 30/2020 Appendix I in two columns: left the superior body and the issuing body
 * (capitals, bold, a short rule under it) and the number; right the national title "CỘNG HÒA XÃ HỘI CHỦ
 * NGHĨA VIỆT NAM", the motto "Độc lập - Tự do - Hạnh phúc" (bold, underlined over its length) and the
 * place-and-date line in italics.
 */
export function drawNationalHeader(
  form: FormPdf,
  body: ReceivingBody,
  number: string,
  date: Date,
  /** The symbol after the number (Decree 30/2020 Art. 15); the one-stop centre's forms by default. */
  symbol = 'TTPVHCC',
): void {
  const leftWidth = form.width * 0.42;
  const rightX = form.left + leftWidth;
  const rightWidth = form.width - leftWidth;
  const top = form.y;
  const titleSize = fitSize(form, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightWidth, 11, true);
  // right column
  form.paragraph('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', {
    size: titleSize,
    bold: true,
    align: 'center',
    x: rightX,
    width: rightWidth,
  });
  const motto = 'Độc lập - Tự do - Hạnh phúc';
  form.paragraph(motto, { size: 11, bold: true, align: 'center', x: rightX, width: rightWidth });
  const mottoWidth = form.measure(motto, 11);
  const mottoX = rightX + (rightWidth - mottoWidth) / 2;
  form.hline(mottoX, mottoX + mottoWidth, form.y + 0.5);
  const rightBottom = form.y;
  // left column
  form.y = top;
  if (body.superiorName) {
    form.paragraph(body.superiorName.toLocaleUpperCase('vi'), {
      size: 10,
      align: 'center',
      x: form.left,
      width: leftWidth,
    });
  }
  form.paragraph(body.name.toLocaleUpperCase('vi'), {
    size: 10,
    bold: true,
    align: 'center',
    x: form.left,
    width: leftWidth,
  });
  const ruleWidth = leftWidth * 0.35;
  form.gap(4);
  form.hline(form.left + (leftWidth - ruleWidth) / 2, form.left + (leftWidth + ruleWidth) / 2, form.y);
  form.gap(4);
  form.paragraph(`Số: ${number}/${symbol}`, { align: 'center', x: form.left, width: leftWidth });
  const leftBottom = form.y;
  // place and date, right column, under the motto (or level with the number)
  form.y = Math.min(rightBottom - 4, leftBottom + form.lineHeight());
  form.paragraph(formatPlaceDate(body.place, date), {
    italic: true,
    align: 'center',
    x: rightX,
    width: rightWidth,
  });
  form.y = Math.min(form.y, leftBottom);
}

/** The largest size ≤ `max` at which `text` fits in `width` (half-point steps). */
function fitSize(form: FormPdf, text: string, width: number, max: number, bold: boolean): number {
  let size = max;
  const extra = bold ? 1.02 : 1;
  while (size > 7 && form.measure(text, size) * extra > width) {
    size -= 0.5;
  }
  return size;
}

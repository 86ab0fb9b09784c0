// The opening shared by BM.01 and BM.03: the Decree 30/2020 header, the form's title and dossier code,
// then "<body> tiếp nhận hồ sơ của:" with the applicant and the request.
import type { FormPdf } from './form-pdf.ts';
import { applicantLines } from './form-text.ts';
import type { Applicant, ReceivingBody } from './receipt.types.ts';

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
  form.header(opening.body, opening.number, opening.date);
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

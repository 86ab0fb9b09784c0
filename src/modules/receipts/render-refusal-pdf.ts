// BM.03 "Phiếu từ chối tiếp nhận giải quyết hồ sơ" (refusal to receive a dossier), shared/DOMAIN.md
// "Dossiers": the applicant, the request and the specific reasons for the refusal (Decree 61/2018 Art. 19:
// a dossier that does not qualify is refused in writing, with reasons), signed by the receiving officer.

import { drawFormOpening } from './form-opening.ts';
import { FormPdf, type FormSignatureArea } from './form-pdf.ts';
import { canonicalSeed } from './form-text.ts';
import type { RefusalData } from './receipt.types.ts';

export const REFUSAL_TITLE = 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ';

/** The sentence that introduces the reasons, naming the body (shared with the HTML page). */
export function refusalIntro(bodyName: string): string {
  return `Sau khi nghiên cứu, đối chiếu với các quy định hiện hành, ${bodyName} từ chối tiếp nhận giải quyết hồ sơ này với lý do cụ thể như sau:`;
}

export const REFUSAL_CLOSING = 'Xin thông báo để Ông/Bà được biết và thực hiện./.';

export interface RenderedRefusal {
  pdf: Uint8Array;
  /** The blank space in the receiving officer's block, for a visible signature. */
  officerSignature: FormSignatureArea;
}

export async function renderRefusalPdf(data: RefusalData): Promise<Uint8Array> {
  return (await renderRefusalPdfWithLayout(data)).pdf;
}

export async function renderRefusalPdfWithLayout(data: RefusalData): Promise<RenderedRefusal> {
  const form = await FormPdf.create({
    title: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
    subject: data.procedureName,
    date: data.refusedAt,
    idSeed: `BM.03\n${canonicalSeed(data)}`,
  });
  drawFormOpening(form, {
    body: data.body,
    number: data.refusalNumber ?? '…',
    date: data.refusedAt,
    title: REFUSAL_TITLE,
    dossierCode: data.dossierCode,
    applicant: data.applicant,
    requestLabel: 'Đề nghị giải quyết',
    procedureName: data.procedureName,
  });
  form.gap(4);
  form.paragraph(refusalIntro(data.body.name));
  data.reasons.forEach((reason, i) => {
    form.paragraph(`${i + 1}. ${reason}`, { indent: 14 });
  });
  form.gap(4);
  form.paragraph(REFUSAL_CLOSING);

  form.gap(12);
  form.signatureBlocks([
    { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: data.receivingOfficer, note: data.body.sealName },
  ]);
  const officerSignature = form.signatureAreas[0];
  if (!officerSignature) {
    throw new Error('the refusal has no receiving officer signature block');
  }
  return { pdf: await form.save(), officerSignature };
}

// BM.02, BM.04, BM.05 and the referral slip as PDFs, typeset like BM.01/BM.03 (src/modules/receipts):
// the Decree 30/2020 header, the title and dossier code, the blocks, the signature blocks.
import { drawNationalHeader } from '../receipts/form-opening.ts';
import { FormPdf } from '../receipts/form-pdf.ts';
import { canonicalSeed } from '../receipts/form-text.ts';
import type { WorkflowForm } from './workflow-form.types.ts';

export async function renderWorkflowFormPdf(form: WorkflowForm): Promise<Uint8Array> {
  const pdf = await FormPdf.create({
    title: form.name,
    subject: form.dossierCode,
    date: form.date,
    idSeed: `${form.kind}\n${canonicalSeed(form)}`,
  });
  drawNationalHeader(pdf, form.body, form.number, form.date);
  pdf.gap(14);
  pdf.paragraph(form.title, { size: 13, bold: true, align: 'center' });
  pdf.paragraph(`Mã hồ sơ: ${form.dossierCode}`, { bold: true, align: 'center' });
  pdf.gap(8);
  for (const block of form.blocks) {
    switch (block.kind) {
      case 'paragraph':
        pdf.paragraph(block.text, { bold: block.bold ?? false, italic: block.italic ?? false });
        break;
      case 'field':
        pdf.field(block.label, block.value);
        break;
      case 'list':
        block.items.forEach((item, i) => {
          pdf.paragraph(`${i + 1}. ${item}`, { indent: 14 });
        });
        break;
      case 'table':
        pdf.table(block.headers, block.rows, block.widths);
        break;
    }
  }
  pdf.gap(12);
  pdf.signatureBlocks(form.signatures);
  return pdf.save();
}

// The receipt of a received dossier (BM.01, issue 6 §4): a printable page and the same form as a PDF.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../database.ts';
import { getDossierReceipt } from '../modules/dossiers/get-dossier-receipt.ts';
import { requireStaff } from '../modules/identity/authenticate.ts';
import { renderReceiptPdf } from '../modules/receipts/render-receipt-pdf.ts';
import { receiptPage } from './components/receipt-page.ts';
import { html } from './html.ts';
import type { PageKit } from './page-kit.ts';

type CodeParams = { Params: { code: string } };

export function registerReceiptPages(
  app: FastifyInstance,
  options: { db: Db; kit: PageKit; publicUrl: string },
): void {
  const { db, kit, publicUrl } = options;

  app.get<CodeParams>('/ho-so/:code/bien-nhan', { schema: { hide: true } }, async (request, reply) => {
    const actor = requireStaff(request);
    const code = request.params.code;
    const receipt = await getDossierReceipt({ db, actor, code, publicUrl, requestId: request.id });
    const ctx = kit.context(request, reply);
    const pdfHref = `/ho-so/${encodeURIComponent(receipt.dossierCode)}/bien-nhan.pdf`;
    return kit.send(reply, ctx, {
      title: `${ctx.t('receipt.title')} ${receipt.dossierCode}`,
      body: html`<p class="no-print"><a class="button" href="${pdfHref}">${ctx.t('receipt.downloadPdf')}</a>
  <a class="button button--secondary" href="${pdfHref.replace(/\.pdf$/, '/ky-so')}">${ctx.t('sigreq.receiptLink')}</a></p>
${receiptPage(receipt)}`,
    });
  });

  app.get<CodeParams>('/ho-so/:code/bien-nhan.pdf', { schema: { hide: true } }, async (request, reply) => {
    const actor = requireStaff(request);
    const code = request.params.code;
    const receipt = await getDossierReceipt({
      db,
      actor,
      code,
      publicUrl,
      requestId: request.id,
      format: 'pdf',
    });
    const pdf = await renderReceiptPdf(receipt);
    return reply
      .type('application/pdf')
      .header('cache-control', 'no-store')
      .header('content-disposition', `inline; filename="bien-nhan-${receipt.dossierCode}.pdf"`)
      .send(Buffer.from(pdf));
  });
}

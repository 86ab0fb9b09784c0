// The forms of a dossier (issue 6 §4): the receipt (BM.01) and the refusal (BM.03) as printable pages and
// PDFs, and its uploaded scans. Mounted for staff under /ho-so and for the owner under /cong-dan/ho-so and
// /kiosk/ho-so; the use cases decide who may see what (staff of the unit, or the owner).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../database.ts';
import { getDossierReceipt } from '../modules/dossiers/get-dossier-receipt.ts';
import { getDossierRefusal } from '../modules/dossiers/get-dossier-refusal.ts';
import { getDossierScan } from '../modules/dossiers/get-dossier-scan.ts';
import type { DossierViewer } from '../modules/dossiers/get-viewable-dossier.ts';
import { requireStaff } from '../modules/identity/authenticate.ts';
import { renderReceiptPdf } from '../modules/receipts/render-receipt-pdf.ts';
import { renderRefusalPdf } from '../modules/receipts/render-refusal-pdf.ts';
import type { BlobStore } from '../platform/blob-store/blob-store.ts';
import { receiptPage, refusalPage } from './components/receipt-page.ts';
import { html } from './html.ts';
import { isKioskPath } from './kiosk-session.ts';
import type { PageKit } from './page-kit.ts';
import { kioskPrintButton } from './pages/kiosk-pages.ts';

type CodeParams = { Params: { code: string } };

export interface DossierDocumentRoutesOptions {
  readonly db: Db;
  readonly kit: PageKit;
  readonly blobStore: BlobStore;
  readonly publicUrl: string;
  /** `/ho-so` (staff), `/cong-dan/ho-so`, `/kiosk/ho-so` (the owner). */
  readonly prefix: string;
  readonly viewer: (request: FastifyRequest) => DossierViewer;
}

export function registerDossierDocumentRoutes(
  app: FastifyInstance,
  options: DossierDocumentRoutesOptions,
): void {
  const { db, kit, publicUrl, prefix } = options;

  app.get<CodeParams>(`${prefix}/:code/bien-nhan`, { schema: { hide: true } }, async (request, reply) => {
    const actor = options.viewer(request);
    const code = request.params.code;
    const receipt = await getDossierReceipt({ db, actor, code, publicUrl, requestId: request.id });
    const ctx = kit.context(request, reply);
    const pdfHref = `${prefix}/${encodeURIComponent(receipt.dossierCode)}/bien-nhan.pdf`;
    return kit.send(reply, ctx, {
      title: `${ctx.t('receipt.title')} ${receipt.dossierCode}`,
      // The receiving officer signs the receipt (signature requests); the owner only downloads it.
      body: html`<p class="no-print">${isKioskPath(prefix) ? kioskPrintButton(ctx) : ''}<a class="button" href="${pdfHref}">${ctx.t('receipt.downloadPdf')}</a>
  ${actor.kind === 'staff' ? html`<a class="button button--secondary" href="${pdfHref.replace(/\.pdf$/, '/ky-so')}">${ctx.t('sigreq.receiptLink')}</a>` : ''}</p>
${receiptPage(receipt)}`,
    });
  });

  app.get<CodeParams>(`${prefix}/:code/bien-nhan.pdf`, { schema: { hide: true } }, async (request, reply) => {
    const actor = options.viewer(request);
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

  app.get<CodeParams>(`${prefix}/:code/tu-choi`, { schema: { hide: true } }, async (request, reply) => {
    const actor = options.viewer(request);
    const refusal = await getDossierRefusal({ db, actor, code: request.params.code, requestId: request.id });
    const ctx = kit.context(request, reply);
    const pdfHref = `${prefix}/${encodeURIComponent(request.params.code)}/tu-choi.pdf`;
    return kit.send(reply, ctx, {
      title: `${ctx.t('intake.refusal.title')} ${refusal.dossierCode ?? ''}`,
      body: html`<p class="no-print">${isKioskPath(prefix) ? kioskPrintButton(ctx) : ''}<a class="button" href="${pdfHref}">${ctx.t('receipt.downloadPdf')}</a></p>
${refusalPage(refusal)}`,
    });
  });

  app.get<CodeParams>(`${prefix}/:code/tu-choi.pdf`, { schema: { hide: true } }, async (request, reply) => {
    const actor = options.viewer(request);
    const refusal = await getDossierRefusal({
      db,
      actor,
      code: request.params.code,
      requestId: request.id,
      format: 'pdf',
    });
    const pdf = await renderRefusalPdf(refusal);
    return reply
      .type('application/pdf')
      .header('cache-control', 'no-store')
      .header('content-disposition', `inline; filename="tu-choi-${refusal.dossierCode ?? 'ho-so'}.pdf"`)
      .send(Buffer.from(pdf));
  });

  app.get<{ Params: { code: string; sha256: string } }>(
    `${prefix}/:code/tep/:sha256`,
    {
      schema: { hide: true },
      // An uploaded file is the citizen's content, not ours: no scripts, no same-origin powers. (Route
      // onSend hooks run after the app's, so this replaces the pages' policy.)
      onSend: async (_request, reply, payload) => {
        reply.header('content-security-policy', 'sandbox');
        return payload;
      },
    },
    async (request, reply) => {
      const scan = await getDossierScan({
        db,
        blobStore: options.blobStore,
        viewer: options.viewer(request),
        requestId: request.id,
        code: request.params.code,
        sha256: request.params.sha256,
      });
      const extension =
        scan.file.mediaType.split('/')[1] === 'jpeg' ? 'jpg' : scan.file.mediaType.split('/')[1];
      return reply
        .type(scan.file.mediaType)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `inline; filename="${scan.file.sha256.slice(0, 12)}.${extension}"`)
        .send(Buffer.from(scan.bytes));
    },
  );
}

/** Staff of the dossier's unit: /ho-so/<code>/bien-nhan, /tu-choi, /tep/<sha256>. */
export function registerReceiptPages(
  app: FastifyInstance,
  options: { db: Db; kit: PageKit; publicUrl: string; blobStore: BlobStore },
): void {
  registerDossierDocumentRoutes(app, { ...options, prefix: '/ho-so', viewer: requireStaff });
}

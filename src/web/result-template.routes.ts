// The result template pages (issue 7 §2): edit a procedure's result template for a unit, preview it as PDF.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../database.ts';
import { requireStaff } from '../modules/identity/authenticate.ts';
import { getResultTemplateForEditing } from '../modules/workflow/get-result-template-for-editing.ts';
import { previewResultTemplate } from '../modules/workflow/preview-result-template.ts';
import { saveResultTemplate } from '../modules/workflow/save-result-template.ts';
import { isAppError } from '../platform/errors.ts';
import type { PageKit } from './page-kit.ts';
import { resultTemplatePage } from './pages/result-template-page.ts';

type Params = {
  Params: { code: string };
  Querystring: Record<string, unknown>;
  Body: Record<string, unknown>;
};
const text = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : undefined);

export function registerResultTemplatePages(app: FastifyInstance, options: { db: Db; kit: PageKit }): void {
  const { db, kit } = options;
  const path = '/thu-tuc/:code/mau-ket-qua';

  app.get<Params>(path, { schema: { hide: true } }, async (request, reply) => {
    const actor = requireStaff(request);
    const template = await getResultTemplateForEditing({
      db,
      actor,
      unitId: text(request.query.unit, 64) || undefined,
      procedureCode: request.params.code,
    });
    const ctx = kit.context(request, reply);
    return kit.send(reply, ctx, {
      title: ctx.t('resultTemplate.title'),
      body: resultTemplatePage(ctx, { template, isSaved: request.query.xong === '1' }),
    });
  });

  app.post<Params>(path, { schema: { hide: true } }, async (request, reply) => {
    const actor = requireStaff(request);
    const unitId = text(request.body?.unit, 64) ?? '';
    const values = { title: text(request.body?.title, 300), body: text(request.body?.body, 20000) };
    try {
      await saveResultTemplate({
        db,
        actor,
        requestId: request.id,
        unitId,
        procedureCode: request.params.code,
        ...values,
      });
    } catch (error) {
      if (!isAppError(error) || error.code !== 'VALIDATION_FAILED') {
        throw error;
      }
      const template = await getResultTemplateForEditing({
        db,
        actor,
        unitId,
        procedureCode: request.params.code,
      });
      const ctx = kit.context(request, reply);
      return kit.send(reply, ctx, {
        title: ctx.t('resultTemplate.title'),
        status: error.status,
        body: resultTemplatePage(ctx, { template, values, errors: error.fields ?? {} }),
      });
    }
    return reply.redirect(
      `/thu-tuc/${encodeURIComponent(request.params.code)}/mau-ket-qua?unit=${encodeURIComponent(unitId)}&xong=1`,
      303,
    );
  });

  app.post<Params>(`${path}/xem-truoc.pdf`, { schema: { hide: true } }, async (request, reply) => {
    const pdf = await previewResultTemplate({
      db,
      actor: requireStaff(request),
      unitId: text(request.body?.unit, 64) ?? '',
      procedureCode: request.params.code,
      title: text(request.body?.title, 300),
      body: text(request.body?.body, 20000),
    });
    return reply
      .type('application/pdf')
      .header('cache-control', 'no-store')
      .header('content-disposition', 'inline; filename="mau-ket-qua.pdf"')
      .send(Buffer.from(pdf));
  });
}

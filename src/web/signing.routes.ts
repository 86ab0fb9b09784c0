// Certificate pages for unit administrators (issue 5 §1): list and details (read-only; issuing, revoking
// and unlocking go through /api/v1/signing until the forms come with the signing pages).
import type { FastifyInstance } from 'fastify';
import type { Db } from '../database.ts';
import { requireStaff } from '../modules/identity/authenticate.ts';
import { getUnitCredential, listUnitCredentials } from '../modules/signing/list-unit-credentials.ts';
import { resetTotp } from '../modules/signing/reset-totp.ts';
import type { PageKit } from './page-kit.ts';
import { certificateDetailPage, certificateListPage } from './pages/signing-certificates-pages.ts';

export function registerSigningPages(app: FastifyInstance, options: { db: Db; kit: PageKit }): void {
  const { db, kit } = options;
  app.get('/admin/certificates', { schema: { hide: true } }, async (request, reply) => {
    const actor = requireStaff(request);
    const ctx = kit.context(request, reply);
    const rows = await listUnitCredentials({ db, actor });
    return kit.send(reply, ctx, {
      title: ctx.t('certificates.title'),
      body: certificateListPage(ctx, { rows }),
    });
  });
  app.get<{ Params: { id: string } }>(
    '/admin/certificates/:id',
    { schema: { hide: true } },
    async (request, reply) => {
      const actor = requireStaff(request);
      const ctx = kit.context(request, reply);
      const { summary, ...row } = await getUnitCredential({ db, actor, credentialId: request.params.id });
      return kit.send(reply, ctx, {
        title: summary.subject.CN ?? ctx.t('certificates.title'),
        body: certificateDetailPage(ctx, { row, summary }),
        flash: (request.query as Record<string, unknown>).otp ? ctx.t('certificates.totpReset') : undefined,
      });
    },
  );
  // A signer lost their phone: the unit administrator removes their authenticator (audited).
  app.post<{ Params: { id: string } }>(
    '/admin/certificates/:id/dat-lai-otp',
    { schema: { hide: true } },
    async (request, reply) => {
      const actor = requireStaff(request);
      await resetTotp({ db, actor, requestId: request.id, credentialId: request.params.id });
      return reply.redirect(`/admin/certificates/${request.params.id}?otp=reset`, 303);
    },
  );
}

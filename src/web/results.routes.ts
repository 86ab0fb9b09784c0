// The signed result's downloads (issue 7 §2): staff who may see the dossier, the signed-in applicant
// (/cong-dan/ho-so/<code>/ket-qua.pdf), and anyone with the code and the last 4 phone digits through the
// lookup page's form (POST /tra-cuu/ket-qua.pdf: the digits travel in the body, rate limited with the lookup,
// the same NOT_FOUND for a wrong code, a wrong phone or a result not sealed yet).
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Db } from '../database.ts';
import { requireCitizen } from '../modules/citizen-identity/authenticate-citizen.ts';
import { assertLookupAllowed } from '../modules/dossiers/dossier.routes.ts';
import { dossierCodeFromInput } from '../modules/dossiers/dossier-code.ts';
import { requireStaff } from '../modules/identity/authenticate.ts';
import {
  getSignedResultForApplicant,
  getSignedResultForStaff,
  type SignedResult,
} from '../modules/workflow/get-signed-result.ts';
import { viewResultRegister } from '../modules/workflow/view-result-register.ts';
import type { BlobStore } from '../platform/blob-store/blob-store.ts';
import { type Clock, systemClock } from '../platform/clock.ts';
import type { RateLimiter } from '../platform/http/rate-limiter.ts';
import type { PageKit } from './page-kit.ts';
import { resultRegisterPage } from './pages/result-register-page.ts';

function sendPdf(reply: FastifyReply, result: SignedResult) {
  return reply
    .type('application/pdf')
    .header('cache-control', 'no-store')
    .header('content-disposition', `attachment; filename="ket-qua-${result.code}.pdf"`)
    .send(Buffer.from(result.pdf));
}

const text = (value: unknown, max: number) => (typeof value === 'string' ? value.trim().slice(0, max) : '');

export function registerResultPages(
  app: FastifyInstance,
  options: { db: Db; blobStore: BlobStore; lookupLimiter: RateLimiter; clock?: Clock; kit?: PageKit },
): void {
  const { db, blobStore, kit } = options;
  const clock = options.clock ?? systemClock;

  // The register of results issued (numbers taken by the clerk when sealing), per unit and year; it names
  // the applicants, so each view is a `register.viewed` event.
  if (kit) {
    app.get<{ Querystring: Record<string, unknown> }>(
      '/so-ket-qua',
      { schema: { hide: true } },
      async (request, reply) => {
        const actor = requireStaff(request);
        const ctx = kit.context(request, reply);
        const asked = text(request.query.nam, 8);
        const register = await viewResultRegister({
          db,
          actor,
          requestId: request.id,
          unitId: text(request.query.unit, 64) || undefined,
          year: asked ? Number(asked) : new Date(clock.now().getTime() + 7 * 3_600_000).getUTCFullYear(),
        });
        return kit.send(reply, ctx, {
          title: ctx.t('resultRegister.title'),
          body: resultRegisterPage(ctx, register),
        });
      },
    );
  }

  app.get<{ Params: { code: string } }>(
    '/ho-so/:code/ket-qua-da-ky.pdf',
    { schema: { hide: true } },
    async (request, reply) =>
      sendPdf(
        reply,
        await getSignedResultForStaff({
          db,
          blobStore,
          actor: requireStaff(request),
          code: request.params.code,
          requestId: request.id,
        }),
      ),
  );

  app.get<{ Params: { code: string } }>(
    '/cong-dan/ho-so/:code/ket-qua.pdf',
    { schema: { hide: true } },
    async (request, reply) => {
      const citizen = requireCitizen(request);
      assertLookupAllowed(options.lookupLimiter, request.ip);
      return sendPdf(
        reply,
        await getSignedResultForApplicant({
          db,
          blobStore,
          code: request.params.code,
          citizen,
          requestId: request.id,
          now: clock.now(),
        }),
      );
    },
  );

  app.post<{ Body: Record<string, unknown> }>(
    '/tra-cuu/ket-qua.pdf',
    { schema: { hide: true } },
    async (request, reply) => {
      assertLookupAllowed(options.lookupLimiter, request.ip);
      const code = dossierCodeFromInput(text(request.body?.code, 300));
      return sendPdf(
        reply,
        await getSignedResultForApplicant({
          db,
          blobStore,
          code,
          phoneLast4: text(request.body?.phone, 8),
          citizen: request.citizen,
          requestId: request.id,
          now: clock.now(),
        }),
      );
    },
  );
}

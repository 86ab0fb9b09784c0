// Public lookup page (issue 6 §5): `/tra-cuu?code=…` (the receipt's QR) pre-fills the code; the phone digits
// travel in a POST body, never in a URL or a log line. Rate limited per address with the API.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../database.ts';
import { assertLookupAllowed } from '../modules/dossiers/dossier.routes.ts';
import { dossierCodeFromInput } from '../modules/dossiers/dossier-code.ts';
import { listCitizenDossiers } from '../modules/dossiers/list-citizen-dossiers.ts';
import { lookupDossier, type PublicDossierView } from '../modules/dossiers/lookup-dossier.ts';
import { isAppError } from '../platform/errors.ts';
import type { RateLimiter } from '../platform/http/rate-limiter.ts';
import type { PageKit } from './page-kit.ts';
import { lookupPage } from './pages/lookup-page.ts';

const text = (value: unknown, max: number) => (typeof value === 'string' ? value.trim().slice(0, max) : '');

export function registerLookupPages(
  app: FastifyInstance,
  options: { db: Db; kit: PageKit; lookupLimiter: RateLimiter },
): void {
  const { db, kit } = options;

  app.get<{ Querystring: Record<string, unknown> }>(
    '/tra-cuu',
    { schema: { hide: true } },
    async (request, reply) => {
      const ctx = kit.context(request, reply);
      const code = text(request.query.code, 64);
      let view: PublicDossierView | undefined;
      // The signed-in applicant sees their dossier without the phone digits.
      if (code && request.citizen) {
        assertLookupAllowed(options.lookupLimiter, request.ip);
        view = await lookupDossier({ db, code, citizen: request.citizen }).catch(() => undefined);
      }
      const ownDossiers = request.citizen ? await listCitizenDossiers({ db, citizen: request.citizen }) : [];
      return kit.send(reply, ctx, {
        title: ctx.t('lookup.title'),
        body: lookupPage(ctx, { code, view, isSignedInCitizen: request.citizen !== null, ownDossiers }),
      });
    },
  );

  app.post<{ Body: Record<string, unknown> }>(
    '/tra-cuu',
    { schema: { hide: true } },
    async (request, reply) => {
      assertLookupAllowed(options.lookupLimiter, request.ip);
      const ctx = kit.context(request, reply);
      // A scanner types the receipt's QR content (the lookup URL) just as well as a person types the code.
      const code = dossierCodeFromInput(text(request.body?.code, 300));
      try {
        const view = await lookupDossier({
          db,
          code,
          phoneLast4: text(request.body?.phone, 8),
          citizen: request.citizen,
        });
        return kit.send(reply, ctx, {
          title: ctx.t('lookup.title'),
          body: lookupPage(ctx, { code, view, isSignedInCitizen: request.citizen !== null }),
        });
      } catch (error) {
        if (!isAppError(error) || error.code !== 'NOT_FOUND') {
          throw error;
        }
        return kit.send(reply, ctx, {
          title: ctx.t('lookup.title'),
          status: 404,
          body: lookupPage(ctx, { code, isNotFound: true, isSignedInCitizen: request.citizen !== null }),
        });
      }
    },
  );
}

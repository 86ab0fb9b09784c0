// Public lookup page (issue 6 §5): `/tra-cuu?code=…` (the receipt's QR) pre-fills the code; the phone digits
// travel in a POST body, never in a URL or a log line. Rate limited per address with the API.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../database.ts';
import type { NoteVerifier } from '../lib/tlog/index.ts';
import type { CitizenActor } from '../modules/citizen-identity/citizen-actor.ts';
import { assertLookupAllowed } from '../modules/dossiers/dossier.routes.ts';
import { dossierCodeFromInput } from '../modules/dossiers/dossier-code.ts';
import { listCitizenDossiers } from '../modules/dossiers/list-citizen-dossiers.ts';
import { lookupDossier, type PublicDossierView } from '../modules/dossiers/lookup-dossier.ts';
import { lookupDossierHistory } from '../modules/dossiers/lookup-dossier-history.ts';
import { hasSignedResult } from '../modules/workflow/get-signed-result.ts';
import { isAppError } from '../platform/errors.ts';
import type { RateLimiter } from '../platform/http/rate-limiter.ts';
import { auditHistory, lookupProofForm } from './components/audit-history.ts';
import type { SafeHtml } from './html.ts';
import type { PageContext } from './page-context.ts';
import type { PageKit } from './page-kit.ts';
import { lookupPage } from './pages/lookup-page.ts';

const text = (value: unknown, max: number) => (typeof value === 'string' ? value.trim().slice(0, max) : '');

export function registerLookupPages(
  app: FastifyInstance,
  options: {
    db: Db;
    kit: PageKit;
    lookupLimiter: RateLimiter;
    /** The audit log's verifier, for the history's "verified" marks (absent: no history section). */
    logVerifier?: (() => NoteVerifier) | undefined;
  },
): void {
  const { db, kit } = options;

  /** The dossier's history from the audit log, once the lookup check passed (same check again inside). */
  async function historyOf(
    ctx: PageContext,
    lookup: { code: string; phone: string; citizen: CitizenActor | null },
  ): Promise<SafeHtml | undefined> {
    if (!options.logVerifier) {
      return undefined;
    }
    const history = await lookupDossierHistory({
      db,
      code: lookup.code,
      phoneLast4: lookup.phone,
      citizen: lookup.citizen,
      verifier: options.logVerifier(),
    });
    return auditHistory(ctx, { history, proof: lookupProofForm(ctx, lookup) });
  }

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
      const history = view
        ? await historyOf(ctx, { code: view.code, phone: '', citizen: request.citizen })
        : undefined;
      const ownDossiers = request.citizen ? await listCitizenDossiers({ db, citizen: request.citizen }) : [];
      // results (issue 7 §2): the signed-in applicant downloads the sealed result by a link.
      const result = view && (await hasSignedResult(db, view.code)) ? { phone: '' } : undefined;
      return kit.send(reply, ctx, {
        title: ctx.t('lookup.title'),
        body: lookupPage(ctx, {
          code,
          view,
          isSignedInCitizen: request.citizen !== null,
          ownDossiers,
          history,
          result,
        }),
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
        const phone = text(request.body?.phone, 8);
        const view = await lookupDossier({ db, code, phoneLast4: phone, citizen: request.citizen });
        const history = await historyOf(ctx, { code: view.code, phone, citizen: request.citizen });
        // results (issue 7 §2): the sealed result, downloaded with the same code and digits.
        const result = (await hasSignedResult(db, view.code)) ? { phone } : undefined;
        return kit.send(reply, ctx, {
          title: ctx.t('lookup.title'),
          body: lookupPage(ctx, { code, view, isSignedInCitizen: request.citizen !== null, history, result }),
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

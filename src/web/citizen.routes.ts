// Citizen pages (issue 6 §3 "Online"): sign-in with OpenID Connect, the citizen's page, sign-out, and, when
// no external issuer is configured, the bundled development provider's login page.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import type { Config } from '../config.ts';
import type { Db } from '../database.ts';
import {
  CITIZEN_SESSION_COOKIE,
  CITIZEN_SIGN_IN_COOKIE,
} from '../modules/citizen-identity/authenticate-citizen.ts';
import { isCitizenSignInError } from '../modules/citizen-identity/citizen-sign-in-error.ts';
import {
  CITIZEN_SESSION_MAX_HOURS,
  completeCitizenSignIn,
} from '../modules/citizen-identity/complete-citizen-sign-in.ts';
import { endCitizenSession } from '../modules/citizen-identity/end-citizen-session.ts';
import type { CitizenOidcClient } from '../modules/citizen-identity/oidc-client.ts';
import {
  CITIZEN_SIGN_IN_MINUTES,
  startCitizenSignIn,
} from '../modules/citizen-identity/start-citizen-sign-in.ts';
import { DEMO_CITIZENS } from '../modules/demo/demo-citizens.ts';
import { abortDevLogin, finishDevLogin, getDevLogin } from '../modules/dev-oidc/dev-oidc-interaction.ts';
import { listCitizenDossiers } from '../modules/dossiers/list-citizen-dossiers.ts';
import { listDossierDrafts } from '../modules/dossiers/list-dossier-drafts.ts';
import { listCodesWithSignedResult } from '../modules/workflow/get-signed-result.ts';
import { AppError } from '../platform/errors.ts';
import { createRateLimiter } from '../platform/http/rate-limiter.ts';
import { isKioskPath } from './kiosk-session.ts';
import type { PageKit } from './page-kit.ts';
import { citizenDevLoginPage } from './pages/citizen-dev-login-page.ts';
import { citizenHomePage, citizenLandingPage, citizenSignInFailedPage } from './pages/citizen-pages.ts';
import { citizenDossierLists } from './pages/online-pages.ts';
import { safeLocalPath } from './public.routes.ts';

export interface CitizenPagesOptions {
  readonly db: Db;
  readonly config: Config;
  readonly kit: PageKit;
  readonly oidcClient: CitizenOidcClient;
  /** The bundled development provider, when no external issuer is configured. */
  readonly devProvider: Provider | undefined;
}

/** Ends the request's citizen session (when there is one) and clears its cookie: the page sign-outs. */
export async function signOutCitizen(db: Db, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.citizen && request.citizenSessionHash) {
    await endCitizenSession({
      db,
      citizen: request.citizen,
      sessionHash: request.citizenSessionHash,
      requestId: request.id,
    });
  }
  reply.clearCookie(CITIZEN_SESSION_COOKIE, { path: '/' });
}

export function registerCitizenPages(app: FastifyInstance, options: CitizenPagesOptions): void {
  const { kit, db } = options;
  const secure = options.config.publicUrl.startsWith('https:');
  const signInCookie = { path: '/cong-dan', httpOnly: true, sameSite: 'lax' as const, secure };
  // Each start writes a row and each refused callback an audit event: 30 a minute per address is plenty for
  // a kiosk and stops a flood.
  const limiter = createRateLimiter({ limit: 30, windowSeconds: 60 });
  const limit = (ip: string) => {
    const wait = limiter.hit(ip);
    if (wait > 0) {
      throw new AppError('RATE_LIMITED', 'Too many citizen sign-in requests.', { retryAfterSeconds: wait });
    }
  };

  const refuse = (reply: FastifyReply, error: unknown) => {
    if (!isCitizenSignInError(error)) {
      throw error;
    }
    // "A precise 4xx page with a clear Vietnamese message and a log line, never a 500" (issue 6).
    reply.request.log.warn(
      { code: error.code, status: error.status, reason: error.message, cause: String(error.cause ?? '') },
      'citizen sign-in refused',
    );
    reply.clearCookie(CITIZEN_SIGN_IN_COOKIE, signInCookie);
    const ctx = kit.context(reply.request, reply);
    return kit.send(reply, ctx, {
      title: ctx.t('citizen.failed.title'),
      body: citizenSignInFailedPage(ctx, error.code),
      status: error.status,
    });
  };

  app.get<{ Querystring: { notice?: string; next?: string } }>(
    '/cong-dan',
    { schema: { hide: true } },
    async (request, reply) => {
      const ctx = kit.context(request, reply);
      if (!request.citizen) {
        const notice = request.isCitizenSessionExpired
          ? 'expired'
          : request.query.notice === 'signedOut'
            ? 'signedOut'
            : undefined;
        return kit.send(reply, ctx, {
          title: ctx.t('citizen.landing.title'),
          body: citizenLandingPage(ctx, {
            notice,
            isBundledProvider: options.config.oidc.isBundled,
            next: safeLocalPath(request.query.next, ''),
          }),
        });
      }
      const dossiers = await listCitizenDossiers({ db, citizen: request.citizen });
      return kit.send(reply, ctx, {
        title: ctx.t('citizen.page.title'),
        body: citizenHomePage(
          ctx,
          request.citizen,
          citizenDossierLists(ctx, {
            base: '/cong-dan',
            dossiers,
            drafts: await listDossierDrafts({ db, citizen: request.citizen }),
            signedResults: await listCodesWithSignedResult(
              db,
              dossiers.filter((d) => d.status === 9 || d.status === 10).map((d) => d.code),
            ),
          }),
        ),
      });
    },
  );

  app.get<{ Querystring: { next?: string } }>(
    '/cong-dan/dang-nhap',
    { schema: { hide: true } },
    async (request, reply) => {
      const returnTo = safeLocalPath(request.query.next, '/cong-dan');
      if (request.citizen) {
        return reply.redirect(returnTo, 303);
      }
      limit(request.ip);
      try {
        const started = await startCitizenSignIn({
          db,
          oidcClient: options.oidcClient,
          returnTo,
          display: isKioskPath(returnTo) ? 'touch' : undefined,
        });
        reply.setCookie(CITIZEN_SIGN_IN_COOKIE, started.cookie, {
          ...signInCookie,
          maxAge: CITIZEN_SIGN_IN_MINUTES * 60,
        });
        return reply.redirect(started.authorizationUrl, 303);
      } catch (error) {
        return refuse(reply, error);
      }
    },
  );

  app.get('/cong-dan/callback', { schema: { hide: true } }, async (request, reply) => {
    limit(request.ip);
    try {
      const session = await completeCitizenSignIn({
        db,
        oidcClient: options.oidcClient,
        cookie: request.cookies[CITIZEN_SIGN_IN_COOKIE],
        query: request.url.split('?')[1] ?? '',
        requestId: request.id,
      });
      reply.clearCookie(CITIZEN_SIGN_IN_COOKIE, signInCookie);
      reply.setCookie(CITIZEN_SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure,
        maxAge: CITIZEN_SESSION_MAX_HOURS * 3600,
      });
      return reply.redirect(session.returnTo, 303);
    } catch (error) {
      return refuse(reply, error);
    }
  });

  app.post('/cong-dan/dang-xuat', { schema: { hide: true } }, async (request, reply) => {
    await signOutCitizen(db, request, reply);
    return reply.redirect('/cong-dan?notice=signedOut', 303);
  });

  const provider = options.devProvider;
  if (!provider) {
    return;
  }
  app.get<{ Params: { uid: string } }>(
    '/dev-oidc/interaction/:uid',
    { schema: { hide: true } },
    async (request, reply) => {
      const login = await getDevLogin(provider, request.raw, reply.raw, request.params.uid);
      const ctx = kit.context(request, reply);
      return kit.send(reply, ctx, {
        title: ctx.t('citizen.dev.title'),
        body: citizenDevLoginPage(ctx, {
          uid: login.uid,
          citizens: DEMO_CITIZENS,
          isTouch: login.isTouch,
        }),
      });
    },
  );
  app.post<{ Params: { uid: string }; Body: { sub?: string; action?: string } }>(
    '/dev-oidc/interaction/:uid',
    { schema: { hide: true } },
    async (request, reply) => {
      const { uid } = request.params;
      const returnTo =
        request.body?.action === 'cancel'
          ? await abortDevLogin(provider, request.raw, reply.raw, uid)
          : await finishDevLogin(provider, request.raw, reply.raw, {
              uid,
              sub: String(request.body?.sub ?? ''),
            });
      return reply.redirect(returnTo, 303);
    },
  );
}

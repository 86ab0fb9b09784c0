// The kiosk (issue 6 §3 "Kiosk"): /kiosk looks a dossier up without login (the receipt's QR content typed by
// a scanner, or the camera with JavaScript), and after OIDC sign-in offers the online pages under /kiosk.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../database.ts';
import { CITIZEN_SESSION_COOKIE } from '../modules/citizen-identity/authenticate-citizen.ts';
import type { UploadLimits } from '../modules/dossiers/check-upload.ts';
import { assertLookupAllowed } from '../modules/dossiers/dossier.routes.ts';
import { dossierCodeFromInput } from '../modules/dossiers/dossier-code.ts';
import { listCitizenDossiers } from '../modules/dossiers/list-citizen-dossiers.ts';
import { listDossierDrafts } from '../modules/dossiers/list-dossier-drafts.ts';
import { lookupDossier } from '../modules/dossiers/lookup-dossier.ts';
import type { BlobStore } from '../platform/blob-store/blob-store.ts';
import type { Clock } from '../platform/clock.ts';
import { isAppError } from '../platform/errors.ts';
import type { RateLimiter } from '../platform/http/rate-limiter.ts';
import { signOutCitizen } from './citizen.routes.ts';
import { isKioskPath, KIOSK_IDLE_SECONDS, KIOSK_PREFIX } from './kiosk-session.ts';
import { registerOnlinePages } from './online.routes.ts';
import type { PageKit } from './page-kit.ts';
import { kioskHomePage, kioskLookupPage } from './pages/kiosk-pages.ts';
import { citizenDossierLists } from './pages/online-pages.ts';

const text = (value: unknown, max: number) => (typeof value === 'string' ? value.trim().slice(0, max) : '');
const KIOSK_SCRIPT = 'kiosk.js';

export function registerKioskPages(
  app: FastifyInstance,
  options: {
    db: Db;
    kit: PageKit;
    blobStore: BlobStore;
    limits: UploadLimits;
    publicUrl: string;
    lookupLimiter: RateLimiter;
    script: Buffer;
    clock?: Clock;
  },
): void {
  const { db, kit } = options;
  const secure = options.publicUrl.startsWith('https:');

  // Each kiosk page renews the citizen cookie for KIOSK_IDLE_SECONDS (see kiosk-session.ts). A callback, not
  // a promise: it runs on every response of the app.
  app.addHook('onSend', (request, reply, payload, done) => {
    const token = request.cookies[CITIZEN_SESSION_COOKIE];
    if (request.citizen && token && isKioskPath(request.url) && request.url !== `${KIOSK_PREFIX}/ket-thuc`) {
      reply.setCookie(CITIZEN_SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure,
        maxAge: KIOSK_IDLE_SECONDS,
      });
    }
    done(null, payload);
  });

  app.get(KIOSK_PREFIX, { schema: { hide: true } }, async (request, reply) => {
    const ctx = kit.context(request, reply);
    const citizen = request.citizen;
    const own = citizen
      ? citizenDossierLists(ctx, {
          base: KIOSK_PREFIX,
          dossiers: await listCitizenDossiers({ db, citizen }),
          drafts: await listDossierDrafts({ db, citizen }),
        })
      : undefined;
    return kit.send(reply, ctx, {
      title: ctx.t('intake.kiosk.title'),
      body: kioskHomePage(ctx, { citizenName: citizen?.fullName, own }),
    });
  });

  // Step 1 takes the code (or the QR content), step 2 the last 4 phone digits; the signed-in applicant skips 2.
  app.post<{ Body: Record<string, unknown> }>(
    `${KIOSK_PREFIX}/tra-cuu`,
    { schema: { hide: true } },
    async (request, reply) => {
      const ctx = kit.context(request, reply);
      const code = dossierCodeFromInput(text(request.body?.code, 300));
      const phone = text(request.body?.phone, 8);
      if (!phone && !request.citizen) {
        return kit.send(reply, ctx, {
          title: ctx.t('lookup.title'),
          body: kioskLookupPage(ctx, { code }),
        });
      }
      assertLookupAllowed(options.lookupLimiter, request.ip);
      try {
        const view = await lookupDossier({ db, code, phoneLast4: phone, citizen: request.citizen });
        return kit.send(reply, ctx, {
          title: ctx.t('lookup.title'),
          body: kioskLookupPage(ctx, { code, view }),
        });
      } catch (error) {
        if (!isAppError(error) || error.code !== 'NOT_FOUND') {
          throw error;
        }
        return kit.send(reply, ctx, {
          title: ctx.t('lookup.title'),
          status: 404,
          body: kioskLookupPage(ctx, { code, isNotFound: true }),
        });
      }
    },
  );

  // Renews the kiosk cookie (the onSend hook above) when the citizen asks for more time; changes nothing.
  app.get(`${KIOSK_PREFIX}/giu-phien`, { schema: { hide: true } }, async (_request, reply) =>
    reply.header('cache-control', 'no-store').status(204).send(),
  );

  app.post(`${KIOSK_PREFIX}/ket-thuc`, { schema: { hide: true } }, async (request, reply) => {
    await signOutCitizen(db, request, reply);
    return reply.redirect(KIOSK_PREFIX, 303);
  });

  app.get(`/assets/${KIOSK_SCRIPT}`, { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(options.script),
  );

  registerOnlinePages(app, {
    db,
    kit,
    blobStore: options.blobStore,
    limits: options.limits,
    publicUrl: options.publicUrl,
    base: KIOSK_PREFIX,
    clock: options.clock,
  });
}

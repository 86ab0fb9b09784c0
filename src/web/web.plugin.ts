// The server-rendered pages: CSRF on every form post, the page error renderer, and the page routes.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../database.ts';
import type { AppError } from '../platform/errors.ts';
import { isApiRequest } from '../platform/http/error-handler.ts';
import type { RateLimiter } from '../platform/http/rate-limiter.ts';
import { registerCalendarPages } from './calendar.routes.ts';
import { registerCataloguePages } from './catalogue.routes.ts';
import { type CitizenPagesOptions, registerCitizenPages } from './citizen.routes.ts';
import { assertCsrf } from './csrf.ts';
import { registerNotificationPages } from './notifications.routes.ts';
import type { PageKit } from './page-kit.ts';
import { errorPage } from './pages/error-page.ts';
import { registerPublicPages } from './public.routes.ts';
import { registerSessionPages } from './session.routes.ts';
import { registerSigningPages } from './signing.routes.ts';
import { registerStaffAdminPages } from './staff-admin.routes.ts';
import { registerStatisticsPages } from './statistics.routes.ts';
import { registerWorkspacePages } from './workspace.routes.ts';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function createPageErrorRenderer(kit: PageKit) {
  return (request: FastifyRequest, reply: FastifyReply, error: AppError) => {
    // Citizen pages (requireCitizen) send a signed-out citizen to the citizen sign-in, not the staff one.
    if (
      (error.code === 'UNAUTHENTICATED' || error.code === 'SESSION_EXPIRED') &&
      request.method === 'GET' &&
      request.url.startsWith('/cong-dan/')
    ) {
      return reply.redirect(`/cong-dan?next=${encodeURIComponent(request.url)}`, 303);
    }
    // Kiosk pages (intake area) go back to the kiosk's start, where a citizen signs in.
    if (
      (error.code === 'UNAUTHENTICATED' || error.code === 'SESSION_EXPIRED') &&
      request.method === 'GET' &&
      request.url.startsWith('/kiosk/')
    ) {
      return reply.redirect('/kiosk', 303);
    }
    if ((error.code === 'UNAUTHENTICATED' || error.code === 'SESSION_EXPIRED') && request.method === 'GET') {
      const notice = error.code === 'SESSION_EXPIRED' ? '&notice=expired' : '';
      return reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}${notice}`, 303);
    }
    const ctx = kit.context(request, reply);
    if (error.retryAfterSeconds) {
      reply.header('retry-after', String(error.retryAfterSeconds));
    }
    return kit.send(reply, ctx, {
      title: ctx.t('errors.pageTitle'),
      body: errorPage(ctx, error),
      status: error.status,
    });
  };
}

export function registerWeb(
  app: FastifyInstance,
  options: {
    db: Db;
    config: Config;
    kit: PageKit;
    signInLimiter: RateLimiter;
    citizen: Pick<CitizenPagesOptions, 'oidcClient' | 'devProvider'>;
  },
): void {
  const publicOrigin = new URL(options.config.publicUrl).origin;
  app.addHook('preHandler', (request, _reply, done) => {
    // /pki/ocsp and /pki/tsa take binary protocol POSTs from validators: no cookie, no form, no CSRF.
    const isPkiProtocol = request.url.startsWith('/pki/');
    try {
      if (
        UNSAFE_METHODS.has(request.method) &&
        !request.isBearer &&
        !isApiRequest(request) &&
        !isPkiProtocol
      ) {
        assertCsrf(request, options.config.secrets.session, publicOrigin);
      }
    } catch (error) {
      done(error as Error);
      return;
    }
    done();
  });
  const isHttps = options.config.publicUrl.startsWith('https:');
  registerPublicPages(app, { db: options.db, kit: options.kit, isHttps });
  registerSessionPages(app, options);
  registerWorkspacePages(app, { kit: options.kit });
  registerStaffAdminPages(app, { db: options.db, kit: options.kit });
  registerCitizenPages(app, { db: options.db, config: options.config, kit: options.kit, ...options.citizen });
  registerCalendarPages(app, { db: options.db, kit: options.kit });
  registerSigningPages(app, { db: options.db, kit: options.kit });
  registerCataloguePages(app, { db: options.db, kit: options.kit });
  // Citizen notifications and statistics (issue 7 §6, §7)
  registerNotificationPages(app, { db: options.db, kit: options.kit });
  registerStatisticsPages(app, { db: options.db, kit: options.kit });
}

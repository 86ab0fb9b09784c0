import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../database.ts';
import { SESSION_COOKIE } from '../modules/identity/authenticate.ts';
import { endSession } from '../modules/identity/end-session.ts';
import { SESSION_MAX_HOURS, startSession } from '../modules/identity/start-session.ts';
import { AppError, isAppError } from '../platform/errors.ts';
import type { RateLimiter } from '../platform/http/rate-limiter.ts';
import type { PageKit } from './page-kit.ts';
import { errorMessage } from './pages/error-page.ts';
import { signInPage } from './pages/sign-in-page.ts';
import { safeLocalPath } from './public.routes.ts';

interface SignInBody {
  username?: string;
  password?: string;
  next?: string;
}

export function registerSessionPages(
  app: FastifyInstance,
  options: { db: Db; kit: PageKit; config: Config; signInLimiter: RateLimiter },
): void {
  const { kit } = options;
  const isHttps = options.config.publicUrl.startsWith('https:');

  app.get<{ Querystring: { next?: string; notice?: string } }>(
    '/sign-in',
    { schema: { hide: true } },
    async (request, reply) => {
      if (request.actor) {
        return reply.redirect('/workspace', 303);
      }
      const ctx = kit.context(request, reply);
      const notice =
        request.query.notice === 'expired' || request.isSessionExpired
          ? 'expired'
          : request.query.notice === 'signedOut'
            ? 'signedOut'
            : undefined;
      const next = safeLocalPath(request.query.next, '');
      return kit.send(reply, ctx, {
        title: ctx.t('signIn.title'),
        body: signInPage(ctx, { notice, ...(next ? { next } : {}) }),
      });
    },
  );

  app.post<{ Body: SignInBody }>('/sign-in', { schema: { hide: true } }, async (request, reply) => {
    const username = String(request.body?.username ?? '');
    const next = safeLocalPath(request.body?.next, '/workspace');
    try {
      const wait = options.signInLimiter.hit(request.ip);
      if (wait > 0) {
        throw new AppError('RATE_LIMITED', 'Too many sign-in attempts.', { retryAfterSeconds: wait });
      }
      const session = await startSession({
        db: options.db,
        username,
        password: String(request.body?.password ?? ''),
        requestId: request.id,
      });
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: isHttps,
        maxAge: SESSION_MAX_HOURS * 3600,
      });
      return reply.redirect(next, 303);
    } catch (error) {
      if (!isAppError(error) || error.status >= 500) {
        throw error;
      }
      request.log.info({ code: error.code }, 'sign-in refused');
      const ctx = kit.context(request, reply);
      if (error.retryAfterSeconds) {
        reply.header('retry-after', String(error.retryAfterSeconds));
      }
      return kit.send(reply, ctx, {
        title: ctx.t('signIn.title'),
        body: signInPage(ctx, { username, error: errorMessage(ctx, error), next }),
        status: error.status,
      });
    }
  });

  app.post('/sign-out', { schema: { hide: true } }, async (request, reply) => {
    if (request.actor && request.sessionHash) {
      await endSession({
        db: options.db,
        actor: request.actor,
        sessionHash: request.sessionHash,
        requestId: request.id,
      });
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/sign-in?notice=signedOut', 303);
  });
}

// Who is calling: a bearer token (API clients) or the session cookie (pages). Runs on every request and
// only identifies; routes decide what is required with requireStaff().
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import type { StaffActor } from './actor.ts';
import { resolveApiToken } from './resolve-api-token.ts';
import { resolveSession } from './resolve-session.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: StaffActor | null;
    /** Hash of the page session in use, when signed in through the cookie. */
    sessionHash: string | null;
    /** The request carried a session cookie that has expired or ended. */
    isSessionExpired: boolean;
    /** Authenticated with a bearer token: CSRF does not apply. */
    isBearer: boolean;
  }
}

export const SESSION_COOKIE = 'xaso_session';

export function registerAuthentication(app: FastifyInstance, options: { db: Db }): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionHash', null);
  app.decorateRequest('isSessionExpired', false);
  app.decorateRequest('isBearer', false);
  // A callback, not a promise: a request with neither a bearer token nor a staff cookie (the public, the
  // citizens) passes at once, with no promise or extra turn.
  app.addHook('onRequest', (request, _reply, done) => {
    // By path, query aside: the metrics scraper's bearer (XASO_METRICS_TOKEN) is not an API token.
    const path = request.url.split('?', 1)[0] ?? request.url;
    if (path.startsWith('/assets/') || path === '/healthz' || path === '/metrics') {
      done();
      return;
    }
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      request.isBearer = true;
      resolveApiToken({ db: options.db, token: authorization.slice(7).trim() }).then((actor) => {
        request.actor = actor ?? null;
        done(
          actor
            ? undefined
            : new AppError('UNAUTHENTICATED', 'The bearer token is unknown, expired or revoked.'),
        );
      }, done);
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) {
      done();
      return;
    }
    resolveSession({ db: options.db, token: cookie }).then((session) => {
      if (session.status === 'active') {
        request.actor = session.actor;
        request.sessionHash = session.sessionHash;
      } else {
        request.isSessionExpired = true;
      }
      done();
    }, done);
  });
}

/** The signed-in staff member, or the precise 401 (expired session vs not signed in). */
export function requireStaff(request: FastifyRequest): StaffActor {
  if (request.actor) {
    return request.actor;
  }
  if (request.isSessionExpired) {
    throw new AppError('SESSION_EXPIRED', 'Your session has expired.');
  }
  throw new AppError('UNAUTHENTICATED', 'Sign in first.');
}

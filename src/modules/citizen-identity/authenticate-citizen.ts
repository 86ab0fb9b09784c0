// Which citizen is calling: the `xaso_citizen` session cookie (separate from the staff `xaso_session`).
// Only identifies; citizen routes decide what they require with requireCitizen().
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import type { CitizenActor } from './citizen-actor.ts';
import { resolveCitizenSession } from './resolve-citizen-session.ts';

declare module 'fastify' {
  interface FastifyRequest {
    citizen: CitizenActor | null;
    /** Hash of the citizen session in use. */
    citizenSessionHash: string | null;
    /** The request carried a citizen cookie that has expired or ended. */
    isCitizenSessionExpired: boolean;
  }
}

export const CITIZEN_SESSION_COOKIE = 'xaso_citizen';
/** Binds a sign-in under way to the browser that started it (path /cong-dan, 10 minutes). */
export const CITIZEN_SIGN_IN_COOKIE = 'xaso_citizen_login';

export function registerCitizenAuthentication(app: FastifyInstance, options: { db: Db }): void {
  app.decorateRequest('citizen', null);
  app.decorateRequest('citizenSessionHash', null);
  app.decorateRequest('isCitizenSessionExpired', false);
  // A callback, not a promise: most requests (API clients, staff) carry no citizen cookie and pay nothing.
  app.addHook('onRequest', (request, _reply, done) => {
    const cookie = request.cookies[CITIZEN_SESSION_COOKIE];
    if (!cookie || request.url.startsWith('/assets/')) {
      done();
      return;
    }
    resolveCitizenSession({ db: options.db, token: cookie }).then((session) => {
      if (session.status === 'active') {
        request.citizen = session.citizen;
        request.citizenSessionHash = session.sessionHash;
      } else {
        request.isCitizenSessionExpired = true;
      }
      done();
    }, done);
  });
}

/** The signed-in citizen, or the precise 401 (expired session vs not signed in). */
export function requireCitizen(request: FastifyRequest): CitizenActor {
  if (request.citizen) {
    return request.citizen;
  }
  if (request.isCitizenSessionExpired) {
    throw new AppError('SESSION_EXPIRED', 'Your citizen session has expired.');
  }
  throw new AppError('UNAUTHENTICATED', 'Sign in as a citizen first.');
}

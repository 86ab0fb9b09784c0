// CSRF protection for the pages (cookie-authenticated forms). Tokens are stateless MACs: bound to the
// session when signed in, else to a random pre-session cookie (so the sign-in form is covered too,
// against login CSRF). A POST must carry the matching `_csrf` field, and a foreign Origin is refused.
// Bearer-token API requests are exempt: browsers never attach those by themselves.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../platform/errors.ts';

export const PRE_SESSION_COOKIE = 'xaso_pre';

function mac(secret: Uint8Array, binding: string): string {
  return createHmac('sha256', secret).update(`csrf:${binding}`).digest('base64url');
}

function binding(request: FastifyRequest): string | undefined {
  if (request.sessionHash) {
    return `session:${request.sessionHash}`;
  }
  const pre = request.cookies[PRE_SESSION_COOKIE];
  return pre ? `pre:${pre}` : undefined;
}

/** The token for this request's forms; sets the pre-session cookie when there is neither session nor one. */
export function csrfTokenFor(
  request: FastifyRequest,
  reply: FastifyReply,
  secret: Uint8Array,
  isHttps: boolean,
): string {
  let bound = binding(request);
  if (!bound) {
    const pre = randomBytes(18).toString('base64url');
    reply.setCookie(PRE_SESSION_COOKIE, pre, { path: '/', httpOnly: true, sameSite: 'lax', secure: isHttps });
    request.cookies[PRE_SESSION_COOKIE] = pre;
    bound = `pre:${pre}`;
  }
  return mac(secret, bound);
}

export function assertCsrf(request: FastifyRequest, secret: Uint8Array, publicOrigin: string): void {
  const origin = request.headers.origin;
  if (origin && origin !== 'null') {
    const host = request.headers.host;
    const sameHost = host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
    if (!sameHost && origin !== publicOrigin) {
      throw new AppError('CSRF_INVALID', 'Cross-origin form submission refused.');
    }
  }
  const bound = binding(request);
  const sent = (request.body as Record<string, unknown> | undefined)?._csrf;
  if (!bound || typeof sent !== 'string') {
    throw new AppError('CSRF_INVALID', 'Missing CSRF token.');
  }
  const expected = Buffer.from(mac(secret, bound));
  const given = Buffer.from(sent);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new AppError('CSRF_INVALID', 'Invalid CSRF token.');
  }
}

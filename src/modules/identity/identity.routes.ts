import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import type { RateLimiter } from '../../platform/http/rate-limiter.ts';
import { requireStaff } from './authenticate.ts';
import { issueApiToken } from './issue-api-token.ts';
import { ROLES } from './roles.ts';

const ErrorResponse = Type.Ref('ErrorResponse');

const TokenRequest = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);
const TokenResponse = Type.Object({
  access_token: Type.String(),
  token_type: Type.Literal('Bearer'),
  expires_in: Type.Integer({ description: 'Seconds until the token expires' }),
});
const Me = Type.Object({
  id: Type.String({ format: 'uuid' }),
  username: Type.String(),
  fullName: Type.String(),
  title: Type.String(),
  roles: Type.Array(
    Type.Object({
      role: Type.Union(ROLES.map((r) => Type.Literal(r))),
      unitId: Type.String(),
      unitName: Type.String(),
    }),
  ),
});

export function registerIdentityRoutes(
  app: FastifyInstance,
  options: { db: Db; signInLimiter: RateLimiter },
): void {
  app.post<{ Body: { username: string; password: string } }>(
    '/api/v1/auth/token',
    {
      schema: {
        tags: ['identity'],
        summary: 'Issue a bearer token for a staff account',
        body: TokenRequest,
        response: {
          200: TokenResponse,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          423: ErrorResponse,
          429: ErrorResponse,
        },
      },
    },
    async (request) => {
      const wait = options.signInLimiter.hit(request.ip);
      if (wait > 0) {
        throw new AppError('RATE_LIMITED', 'Too many sign-in attempts.', { retryAfterSeconds: wait });
      }
      const token = await issueApiToken({ db: options.db, ...request.body, requestId: request.id });
      return { access_token: token.accessToken, token_type: 'Bearer' as const, expires_in: token.expiresIn };
    },
  );

  app.get(
    '/api/v1/me',
    {
      schema: {
        tags: ['identity'],
        summary: 'The signed-in staff member and their roles',
        security: [{ bearer: [] }],
        response: { 200: Me, 401: ErrorResponse },
      },
    },
    async (request) => {
      const actor = requireStaff(request);
      return {
        id: actor.staffId,
        username: actor.username,
        fullName: actor.fullName,
        title: actor.title,
        roles: actor.roles.map((r) => ({ role: r.role, unitId: r.unitId, unitName: r.unitName })),
      };
    },
  );
}

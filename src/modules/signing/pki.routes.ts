// Public PKI endpoints (issue 5 §1): CRL (`GET /pki/crl/<ca>.crl`), OCSP (`POST /pki/ocsp`, and the GET
// form `/pki/ocsp/<base64 request>` of RFC 6960 Appendix A.1) and the RFC 3161 TSA (`POST /pki/tsa`,
// application/timestamp-query → application/timestamp-reply, RFC 3161 §3.4). No sign-in: relying parties
// and validators call them.
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { answerOcsp, issueCrl, openTimestampAuthority } from './pki-responders.ts';

const RAW_TYPES = ['application/ocsp-request', 'application/timestamp-query'];

export function registerPkiRoutes(app: FastifyInstance, options: { db: Db; config: Config }): void {
  const { db } = options;
  const keyEncryptionKey = options.config.secrets.keyEncryption;
  app.register(
    async (scope) => {
      scope.addContentTypeParser(RAW_TYPES, { parseAs: 'buffer', bodyLimit: 64 * 1024 }, (_req, body, done) =>
        done(null, body),
      );

      scope.get<{ Params: { ca: string } }>(
        '/crl/:ca',
        { schema: { hide: true } },
        async (request, reply) => {
          const match = /^([a-z0-9-]{1,64})\.crl$/.exec(request.params.ca);
          if (!match?.[1]) {
            throw new AppError('NOT_FOUND', 'No such CRL.');
          }
          const crl = await issueCrl({ db, keyEncryptionKey, authorityId: match[1] });
          return reply
            .type('application/pkix-crl')
            .header('cache-control', 'max-age=300')
            .send(Buffer.from(crl));
        },
      );

      const ocsp = async (request: Uint8Array) =>
        Buffer.from(await answerOcsp({ db, keyEncryptionKey, request }));
      scope.post('/ocsp', { schema: { hide: true } }, async (request, reply) => {
        if (
          request.headers['content-type'] !== 'application/ocsp-request' ||
          !Buffer.isBuffer(request.body)
        ) {
          throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send an application/ocsp-request.');
        }
        return reply.type('application/ocsp-response').send(await ocsp(request.body));
      });
      scope.get<{ Params: { '*': string } }>(
        '/ocsp/*',
        { schema: { hide: true } },
        async (request, reply) => {
          const der = Buffer.from(decodeURIComponent(request.params['*']), 'base64');
          return reply.type('application/ocsp-response').send(await ocsp(der));
        },
      );

      scope.post('/tsa', { schema: { hide: true } }, async (request, reply) => {
        if (
          request.headers['content-type'] !== 'application/timestamp-query' ||
          !Buffer.isBuffer(request.body)
        ) {
          throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send an application/timestamp-query.');
        }
        const tsa = await openTimestampAuthority({ db, keyEncryptionKey });
        return reply.type('application/timestamp-reply').send(Buffer.from(await tsa.respond(request.body)));
      });
    },
    { prefix: '/pki' },
  );
}

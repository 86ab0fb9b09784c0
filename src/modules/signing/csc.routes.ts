// CSC API v2 (Cloud Signature Consortium API v2.0) under /csc/v2 (issue 5 §3): info, auth/login (HTTP
// Basic with the staff account → bearer access_token), credentials/list, credentials/info,
// credentials/authorize (PIN + OTP → SAD bound to the hashes) and signatures/signHash. Errors in the CSC
// format. Only bearer tokens are accepted (never the page cookie: these POSTs carry no CSRF token).
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import type { RateLimiter } from '../../platform/http/rate-limiter.ts';
import type { StaffActor } from '../identity/actor.ts';
import { requireStaff } from '../identity/authenticate.ts';
import { issueApiToken } from '../identity/issue-api-token.ts';
import { authorizeCredential } from './authorize-credential.ts';
import { registerCscErrorFormat } from './csc-error.ts';
import { getCredentialInfo, listHeldCredentials } from './get-credential-info.ts';
import { signHashes } from './sign-hashes.ts';
import { SHA256_OID, signAlgorithmsFor } from './signature-oids.ts';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
/** CSC dates: GeneralizedTime-like `YYYYMMDDHHMMSSZ`. */
const cscDate = (d: Date) => `${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;

function bearerStaff(request: FastifyRequest): StaffActor {
  if (!request.isBearer) {
    throw new AppError('UNAUTHENTICATED', 'A bearer access_token from auth/login is required.');
  }
  return requireStaff(request);
}

const Hashes = Type.Array(Type.String({ maxLength: 100 }), { minItems: 1, maxItems: 100 });
const CredentialId = Type.String({ minLength: 1, maxLength: 64 });

interface AuthorizeBody {
  credentialID: string;
  numSignatures: number;
  hashes: string[];
  hashAlgorithmOID?: string;
  hashAlgo?: string;
  authData?: { id: string; value: string }[];
  PIN?: string;
  OTP?: string;
}
interface SignHashBody {
  credentialID: string;
  SAD: string;
  hashes: string[];
  hashAlgorithmOID?: string;
  hashAlgo?: string;
  signAlgo: string;
}

function authValue(body: AuthorizeBody, id: 'PIN' | 'OTP'): string {
  const value = body.authData?.find((a) => a.id === id)?.value ?? body[id];
  if (typeof value !== 'string' || value === '') {
    throw new AppError('VALIDATION_FAILED', `Missing ${id} in authData.`, {
      fields: { [`authData.${id}`]: 'required' },
    });
  }
  return value;
}

export function registerCscRoutes(
  app: FastifyInstance,
  options: { db: Db; config: Config; signInLimiter: RateLimiter },
): void {
  const { db } = options;
  const keyEncryptionKey = options.config.secrets.keyEncryption;
  const schema = { tags: ['csc'], hide: false };
  app.register(
    async (scope) => {
      registerCscErrorFormat(scope);
      scope.setNotFoundHandler(async () => {
        throw new AppError('NOT_FOUND', 'No such CSC API method.');
      });

      scope.post('/info', { schema: { ...schema, summary: 'CSC: service information' } }, async () => ({
        specs: '2.0.0.2',
        name: 'xaso remote signing',
        logo: `${options.config.publicUrl}/assets/favicon.svg`,
        region: 'VN',
        lang: 'vi',
        description: 'Ký số từ xa của xaso (CSC API v2). Demo CA: NOT FOR PRODUCTION.',
        authType: ['basic'],
        methods: [
          'auth/login',
          'credentials/list',
          'credentials/info',
          'credentials/authorize',
          'signatures/signHash',
        ],
      }));

      scope.post(
        '/auth/login',
        { schema: { ...schema, summary: 'CSC: HTTP Basic sign-in → access_token' } },
        async (request) => {
          const wait = options.signInLimiter.hit(request.ip);
          if (wait > 0) {
            throw new AppError('RATE_LIMITED', 'Too many sign-in attempts.', { retryAfterSeconds: wait });
          }
          const header = request.headers.authorization ?? '';
          const decoded = header.startsWith('Basic ')
            ? Buffer.from(header.slice(6), 'base64').toString('utf8')
            : '';
          const colon = decoded.indexOf(':');
          if (colon <= 0) {
            throw new AppError('INVALID_CREDENTIALS', 'HTTP Basic credentials are required.');
          }
          const token = await issueApiToken({
            db,
            username: decoded.slice(0, colon),
            password: decoded.slice(colon + 1),
            requestId: request.id,
          });
          return { access_token: token.accessToken, expires_in: token.expiresIn };
        },
      );

      scope.post<{ Body: { credentialInfo?: boolean } | undefined }>(
        '/credentials/list',
        { schema: { ...schema, summary: 'CSC: the caller’s credentials' } },
        async (request) => {
          const actor = bearerStaff(request);
          const credentials = await listHeldCredentials({ db, actor });
          return { credentialIDs: credentials.map((c) => c.id) };
        },
      );

      scope.post<{ Body: { credentialID: string; certificates?: 'none' | 'single' | 'chain' } }>(
        '/credentials/info',
        {
          schema: {
            ...schema,
            summary: 'CSC: a credential’s key, certificate chain and authorisation mode',
            body: Type.Object({
              credentialID: CredentialId,
              certificates: Type.Optional(
                Type.Union([Type.Literal('none'), Type.Literal('single'), Type.Literal('chain')]),
              ),
            }),
          },
        },
        async (request) => {
          const actor = bearerStaff(request);
          const info = await getCredentialInfo({ db, actor, credentialId: request.body.credentialID });
          const which = request.body.certificates ?? 'single';
          const certificates =
            which === 'none'
              ? []
              : which === 'single'
                ? [info.certificate]
                : [info.certificate, ...info.chain];
          const c = info.credential;
          const status = c.status !== 'active' ? 'revoked' : c.not_after <= new Date() ? 'expired' : 'valid';
          return {
            description: c.kind === 'seal' ? 'Chữ ký số của cơ quan (con dấu)' : 'Chữ ký số cá nhân',
            key: {
              status: c.status === 'active' && !c.locked_at ? 'enabled' : 'disabled',
              algo: [info.keyAlgorithmOid],
              len: info.keyLength,
              ...(info.keyAlgorithmOid === '1.2.840.10045.2.1' ? { curve: '1.2.840.10045.3.1.7' } : {}),
            },
            cert: {
              status,
              certificates: certificates.map(b64),
              issuerDN: info.issuerDN,
              serialNumber: c.serial,
              subjectDN: info.subjectDN,
              validFrom: cscDate(c.not_before),
              validTo: cscDate(c.not_after),
            },
            authMode: 'explicit',
            auth: {
              mode: 'explicit',
              expression: 'PIN AND OTP',
              objects: [
                {
                  type: 'Password',
                  id: 'PIN',
                  format: 'N',
                  label: 'PIN',
                  description: 'Mã PIN của chứng thư số',
                },
                {
                  type: 'Password',
                  id: 'OTP',
                  format: 'N',
                  generator: 'totp',
                  label: 'OTP',
                  description: 'Mã dùng một lần',
                },
              ],
            },
            PIN: { presence: 'true', format: 'N', label: 'PIN' },
            OTP: { presence: 'true', type: 'online', format: 'N', label: 'OTP', ID: 'totp' },
            signAlgo: signAlgorithmsFor(c.key_algorithm),
            hashAlgo: [SHA256_OID],
            SCAL: '2',
            multisign: info.maxSignaturesPerAuthorization,
            lang: 'vi',
          };
        },
      );

      scope.post<{ Body: AuthorizeBody }>(
        '/credentials/authorize',
        {
          schema: {
            ...schema,
            summary: 'CSC: PIN + OTP → SAD bound to the hashes (single use, 5 minutes)',
            body: Type.Object({
              credentialID: CredentialId,
              numSignatures: Type.Integer({ minimum: 1, maximum: 100 }),
              hashes: Hashes,
              hashAlgorithmOID: Type.Optional(Type.String({ maxLength: 64 })),
              hashAlgo: Type.Optional(Type.String({ maxLength: 64 })),
              authData: Type.Optional(
                Type.Array(
                  Type.Object({ id: Type.String({ maxLength: 16 }), value: Type.String({ maxLength: 64 }) }),
                  {
                    maxItems: 4,
                  },
                ),
              ),
              PIN: Type.Optional(Type.String({ maxLength: 64 })),
              OTP: Type.Optional(Type.String({ maxLength: 64 })),
            }),
          },
        },
        async (request) => {
          const actor = bearerStaff(request);
          const body = request.body;
          const result = await authorizeCredential({
            db,
            keyEncryptionKey,
            actor,
            requestId: request.id,
            credentialId: body.credentialID,
            numSignatures: body.numSignatures,
            hashes: body.hashes,
            hashAlgorithmOid: body.hashAlgorithmOID ?? body.hashAlgo ?? SHA256_OID,
            pin: authValue(body, 'PIN'),
            otp: authValue(body, 'OTP'),
          });
          return { SAD: result.sad, expiresIn: result.expiresIn };
        },
      );

      scope.post<{ Body: SignHashBody }>(
        '/signatures/signHash',
        {
          schema: {
            ...schema,
            summary: 'CSC: sign hashes authorised by a SAD',
            body: Type.Object({
              credentialID: CredentialId,
              SAD: Type.String({ minLength: 1, maxLength: 128 }),
              hashes: Hashes,
              hashAlgorithmOID: Type.Optional(Type.String({ maxLength: 64 })),
              hashAlgo: Type.Optional(Type.String({ maxLength: 64 })),
              signAlgo: Type.String({ maxLength: 64 }),
            }),
          },
        },
        async (request) => {
          const actor = bearerStaff(request);
          const body = request.body;
          const signatures = await signHashes({
            db,
            keyEncryptionKey,
            actor,
            requestId: request.id,
            credentialId: body.credentialID,
            sad: body.SAD,
            hashes: body.hashes,
            hashAlgorithmOid: body.hashAlgorithmOID ?? body.hashAlgo ?? SHA256_OID,
            signAlgorithmOid: body.signAlgo,
          });
          return { signatures };
        },
      );
    },
    { prefix: '/csc/v2' },
  );
}

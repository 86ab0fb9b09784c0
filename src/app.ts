// buildApp: registers the platform plugins and every module's routes on a Fastify instance. It does
// not listen (fastify Testing guide: build is not listen); main.ts and tests decide that.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import swagger from '@fastify/swagger';
import { Type } from '@sinclair/typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import type { Db } from './database.ts';
import { MIGRATIONS } from './migrations.ts';
import { registerAuditLogRoutes } from './modules/audit-log/audit-log.routes.ts';
import { lazyLogVerifier } from './modules/audit-log/log-key.ts';
import { registerCalendarApiRoutes } from './modules/calendar/calendar.routes.ts';
import { registerCatalogueApiRoutes } from './modules/catalogue/procedure.routes.ts';
import { registerCatalogueAdminApiRoutes } from './modules/catalogue/procedure-admin.routes.ts';
import { registerCertificationCompletion } from './modules/certification/complete-certification.ts';
import { registerCitizenAuthentication } from './modules/citizen-identity/authenticate-citizen.ts';
import { createCitizenOidcClient } from './modules/citizen-identity/oidc-client.ts';
import { createInjectFetch } from './modules/dev-oidc/inject-fetch.ts';
import { registerDevOidc } from './modules/dev-oidc/register-dev-oidc.ts';
import { DEFAULT_UPLOAD_LIMITS } from './modules/dossiers/check-upload.ts';
import { registerDossierApiRoutes } from './modules/dossiers/dossier.routes.ts';
import { registerAuthentication } from './modules/identity/authenticate.ts';
import { registerIdentityRoutes } from './modules/identity/identity.routes.ts';
import { registerOrganisationRoutes } from './modules/organisation/organisation.routes.ts';
import { registerReceiptSigning } from './modules/signature-requests/sign-dossier-receipt.ts';
import { registerSignatureRequestApiRoutes } from './modules/signature-requests/signature-request.routes.ts';
import { registerCscRoutes } from './modules/signing/csc.routes.ts';
import { registerPkiRoutes } from './modules/signing/pki.routes.ts';
import { registerSigningRoutes } from './modules/signing/signing.routes.ts';
import { registerStatisticsApiRoutes } from './modules/statistics/statistics.routes.ts';
// results (issue 7 §2): sealing a dossier's result finishes its processing
import { registerResultSigning } from './modules/workflow/finish-signed-result.ts';
import { registerWorkflowApiRoutes } from './modules/workflow/workflow.routes.ts';
import { createFileSystemBlobStore } from './platform/blob-store/file-system-blob-store.ts';
import { type Clock, createShiftedClock, systemClock } from './platform/clock.ts';
import { APP_ERROR_STATUS, type AppErrorCode } from './platform/errors.ts';
import { registerCompression } from './platform/http/compression.ts';
import { registerErrorHandler } from './platform/http/error-handler.ts';
import { registerHealthRoutes } from './platform/http/health.routes.ts';
import { registerMetrics } from './platform/http/metrics.ts';
import { createRateLimiter, type RateLimiter } from './platform/http/rate-limiter.ts';
import { registerSecurityHeaders } from './platform/http/security-headers.ts';
import { registerAuditPages } from './web/audit.routes.ts';
import { registerAuditHistoryPages } from './web/audit-history.routes.ts';
import { registerCertificationPages } from './web/certification.routes.ts';
import { registerDossierPages } from './web/dossier.routes.ts';
import { registerKioskPages } from './web/kiosk.routes.ts';
import { registerLookupPages } from './web/lookup.routes.ts';
import { registerOnlinePages } from './web/online.routes.ts';
import { createPageKit } from './web/page-kit.ts';
import { registerReceiptPages } from './web/receipt.routes.ts';
import { registerResultTemplatePages } from './web/result-template.routes.ts';
import { registerResultPages } from './web/results.routes.ts';
import { registerSignatureRequestPages } from './web/signature-requests.routes.ts';
import { registerVerificationPages } from './web/verification.routes.ts';
import { createPageErrorRenderer, registerWeb } from './web/web.plugin.ts';
import { registerWorkflowPages } from './web/workflow.routes.ts';

export interface AppDependencies {
  readonly config: Config;
  readonly db: Db;
  /** pino options or false; tests pass false or a level. */
  readonly logger?: boolean | { level: string };
  /** The per-address limit of dossier lookups; default 30 a minute (benchmarks pass a wider one). */
  readonly lookupLimiter?: RateLimiter;
  /** The business clock (received, due, processed and returned times); default the system time. */
  readonly clock?: Clock;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const { config, db } = deps;
  const clock = deps.clock ?? (config.clockStart ? createShiftedClock(config.clockStart) : systemClock);
  const app = Fastify({
    logger: deps.logger ?? { level: config.logLevel },
    // Honour a well-formed X-Request-Id from the proxy, else make one; it is logged and echoed.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    trustProxy: false,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: true } },
  });
  // Hooks on every request take a callback, not a promise: no promise and no extra turn per request.
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    done(null, payload);
  });

  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 256 * 1024 });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'xaso API',
        version: '1',
        description:
          'xaso (xã số): one-stop shop, documents, digital signatures and audit log of a Vietnamese commune.',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
      servers: [{ url: config.publicUrl }],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    // Shared schemas keep their $id as their name in components.schemas (not def-0, def-1...).
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) =>
        typeof json.$id === 'string' ? json.$id : `def-${i}`,
    },
  });
  app.addSchema(
    Type.Object(
      {
        error: Type.Object({
          code: Type.Unsafe<AppErrorCode>({
            type: 'string',
            enum: Object.keys(APP_ERROR_STATUS),
            description: 'A closed set of error codes; see src/platform/errors.ts for when each happens.',
          }),
          message: Type.String(),
          fields: Type.Optional(Type.Record(Type.String(), Type.String())),
          requestId: Type.String(),
        }),
      },
      { $id: 'ErrorResponse', title: 'ErrorResponse' },
    ),
  );

  const isHttps = config.publicUrl.startsWith('https:');
  const kit = createPageKit(config);
  // Ten sign-in attempts a minute per client address, pages and API together.
  const signInLimiter = createRateLimiter({ limit: 10, windowSeconds: 60 });

  registerSecurityHeaders(app, { isHttps });
  // Text responses compressed for weak connections (issue 6, intake area); streams and PDFs untouched.
  registerCompression(app);
  registerMetrics(app, { token: config.metricsToken });
  registerErrorHandler(app, { renderPage: createPageErrorRenderer(kit) });
  // Citizen sign-in (issue 6): the bundled DEVELOPMENT provider only when no OIDC_ISSUER is configured;
  // mounted before authentication, whose Bearer handling must not see the provider's own tokens.
  const devProvider = config.oidc.isBundled ? await registerDevOidc(app, { db, config }) : undefined;
  const citizenOidc = createCitizenOidcClient({
    oidc: config.oidc,
    ...(devProvider ? { fetch: createInjectFetch(app, new URL(config.publicUrl).origin) } : {}),
  });
  registerAuthentication(app, { db });
  // Certification (issue 7 §3): a sealed certified PDF completes its register entry and the dossier.
  registerCertificationCompletion(clock);
  registerCitizenAuthentication(app, { db });
  registerHealthRoutes(app, { db: db as never, migrations: MIGRATIONS });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerIdentityRoutes(app, { db, signInLimiter });
  registerOrganisationRoutes(app, { db });
  registerCalendarApiRoutes(app, { db });
  registerPkiRoutes(app, { db, config });
  registerCscRoutes(app, { db, config, signInLimiter });
  registerSigningRoutes(app, { db, config });
  registerCatalogueApiRoutes(app, { db });
  registerCatalogueAdminApiRoutes(app, { db });
  registerAuditLogRoutes(app, { db, config });
  registerWeb(app, { db, config, kit, signInLimiter, citizen: { oidcClient: citizenOidc, devProvider } });
  registerAuditPages(app, { db, kit });
  // Dossier intake and public lookup (issue 6 §3, §5): uploads under DATA_DIR/blobs; lookups (page and API
  // together) limited to 30 a minute per client address.
  const blobStore = createFileSystemBlobStore(join(config.dataDir, 'blobs'));
  const lookupLimiter = deps.lookupLimiter ?? createRateLimiter({ limit: 30, windowSeconds: 60 });
  // Audit log (issue 4 §6): dossier histories with "verified" marks (checked with the log's public key,
  // read from DATA_DIR on first use) and each event's offline proof, for staff and for the applicant.
  const logVerifier = lazyLogVerifier(config);
  registerAuditHistoryPages(app, { db, lookupLimiter });
  registerDossierApiRoutes(app, { db, blobStore, lookupLimiter, limits: DEFAULT_UPLOAD_LIMITS, clock });
  registerDossierPages(app, { db, kit, blobStore, limits: DEFAULT_UPLOAD_LIMITS, logVerifier, clock });
  registerLookupPages(app, { db, kit, lookupLimiter, logVerifier });
  registerReceiptPages(app, { db, kit, publicUrl: config.publicUrl, blobStore });
  // Signing in the product (issue 5 §4-5): signature requests, the leader's and the clerk's queues, and
  // the public verification pages; signed PDFs live in the same blob store.
  registerSignatureRequestPages(app, {
    db,
    kit,
    blobStore,
    keyEncryptionKey: config.secrets.keyEncryption,
    publicUrl: config.publicUrl,
  });
  registerVerificationPages(app, { db, kit, blobStore });
  registerSignatureRequestApiRoutes(app, { db, blobStore, publicUrl: config.publicUrl }); // the same, as JSON
  // Online submission and kiosk (issue 6 §3, intake area): the same pages under /cong-dan and /kiosk.
  registerOnlinePages(app, {
    db,
    kit,
    blobStore,
    limits: DEFAULT_UPLOAD_LIMITS,
    publicUrl: config.publicUrl,
    base: '/cong-dan',
    clock,
  });
  registerKioskPages(app, {
    db,
    kit,
    blobStore,
    limits: DEFAULT_UPLOAD_LIMITS,
    publicUrl: config.publicUrl,
    lookupLimiter,
    script: readFileSync(new URL('./web/assets/kiosk.js', import.meta.url)),
    clock,
  });
  // Dossier processing (issue 7 §1, §4, §5): the workflow API and pages.
  registerWorkflowApiRoutes(app, { db, blobStore, clock });
  registerResultSigning(clock); // results (issue 7 §2)
  registerReceiptSigning(); // the signed BM.01's PDF is a read of its dossier (issue 4 §1)
  registerResultPages(app, { db, blobStore, lookupLimiter, clock, kit }); // results (issue 7 §2)
  registerResultTemplatePages(app, { db, kit }); // result templates per procedure (issue 7 §2)
  registerWorkflowPages(app, {
    db,
    kit,
    blobStore,
    limits: DEFAULT_UPLOAD_LIMITS,
    publicUrl: config.publicUrl,
    clock,
  });
  // Certification (issue 7 §3): the register, the officer's certify form, the certified PDFs.
  registerCertificationPages(app, {
    db,
    kit,
    blobStore,
    maxFileBytes: DEFAULT_UPLOAD_LIMITS.maxFileBytes,
    clock,
  });
  // Statistics for other systems (issue 7 §7); the pages are registered by the web plugin.
  registerStatisticsApiRoutes(app, { db });

  await app.ready();
  return app;
}

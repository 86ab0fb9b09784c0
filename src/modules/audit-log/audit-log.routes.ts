// Publication of the audit log (issue 4 §4-5): the C2SP tlog-tiles endpoints under /log (public: hashes
// only), the proof API, and the auditor-only entry bodies under /api/v1/audit.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../../database.ts';
import { parseVerifierKey } from '../../lib/tlog/index.ts';
import { requireStaff } from '../identity/authenticate.ts';
import { exportAuditProof } from './export-audit-proof.ts';
import { getLatestCheckpoint } from './get-latest-checkpoint.ts';
import { getLogTile } from './get-log-tile.ts';
import { getSubjectHistory } from './get-subject-history.ts';
import { listAuditEvents } from './list-audit-events.ts';
import { loadOrCreateLogSigner } from './log-key.ts';
import { proveAuditConsistency } from './prove-audit-consistency.ts';
import { proveAuditInclusion } from './prove-audit-inclusion.ts';

const ErrorResponse = Type.Ref('ErrorResponse');
const Hash = Type.String({ description: 'base64 SHA-256 hash', contentEncoding: 'base64' });
const Size = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });
/** Query and path numbers arrive as text (the app does not coerce types). */
const Decimal = Type.String({ pattern: '^(0|[1-9][0-9]{0,14})$' });
const num = (text: string | undefined) => (text === undefined ? undefined : Number(text));
const b64 = (hash: Uint8Array) => Buffer.from(hash).toString('base64');

const AuditEventResponse = Type.Object({
  seq: Type.Integer(),
  occurredAt: Type.String({ format: 'date-time' }),
  actorType: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  unitId: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  subjectType: Type.String(),
  subjectId: Type.Union([Type.String(), Type.Null()]),
  requestId: Type.Union([Type.String(), Type.Null()]),
  entry: Type.String({ description: 'The logged bytes (canonical JSON); its leaf hash is in the tree' }),
});

export function registerAuditLogRoutes(
  app: FastifyInstance,
  options: { db: Db; config: Pick<Config, 'dataDir' | 'publicUrl'> },
): void {
  const { db } = options;
  // The log key lives in DATA_DIR/secrets.json, outside the database (log-key.ts); read on first use.
  let verifierKey: string | undefined;
  const getVerifierKey = () => {
    verifierKey ??= loadOrCreateLogSigner(options.config).verifierKey;
    return verifierKey;
  };

  app.get('/log/checkpoint', { schema: { hide: true } }, async (_request, reply) => {
    const checkpoint = await getLatestCheckpoint({ db });
    // Mutable: no caching beyond a few seconds (tlog-tiles §Checkpoints).
    return reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=2')
      .send(checkpoint.note);
  });

  app.get<{ Params: { '*': string } }>('/log/tile/*', { schema: { hide: true } }, async (request, reply) => {
    const tile = await getLogTile({ db, path: `tile/${request.params['*']}` });
    // Immutable: a tile (or a partial tile of a given width) never changes (tlog-tiles §Merkle Tree).
    return reply
      .type('application/octet-stream')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(Buffer.from(tile.buffer, tile.byteOffset, tile.byteLength));
  });

  app.get('/log/verifier-key', { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(`${getVerifierKey()}\n`),
  );

  app.get<{ Querystring: { index: string; size?: string } }>(
    '/api/v1/audit/proofs/inclusion',
    {
      schema: {
        tags: ['audit'],
        summary: 'RFC 9162 inclusion proof of an entry (public: hashes only)',
        querystring: Type.Object(
          { index: Decimal, size: Type.Optional(Decimal) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ index: Size, size: Size, proof: Type.Array(Hash) }),
          400: ErrorResponse,
          404: ErrorResponse,
        },
      },
    },
    async (request) => {
      const { index, size } = request.query;
      const result = await proveAuditInclusion({ db, index: Number(index), size: num(size) });
      return { ...result, proof: result.proof.map(b64) };
    },
  );

  app.get<{ Querystring: { from: string; to?: string } }>(
    '/api/v1/audit/proofs/consistency',
    {
      schema: {
        tags: ['audit'],
        summary: 'RFC 9162 consistency proof between two tree sizes (public: hashes only)',
        querystring: Type.Object(
          { from: Decimal, to: Type.Optional(Decimal) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ from: Size, to: Size, proof: Type.Array(Hash) }),
          400: ErrorResponse,
          404: ErrorResponse,
        },
      },
    },
    async (request) => {
      const result = await proveAuditConsistency({
        db,
        from: Number(request.query.from),
        to: num(request.query.to),
      });
      return { ...result, proof: result.proof.map(b64) };
    },
  );

  app.get<{ Querystring: { from?: string; limit?: string; subjectType?: string; subjectId?: string } }>(
    '/api/v1/audit/events',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit events with their logged entries (auditors)',
        security: [{ bearer: [] }],
        querystring: Type.Object(
          {
            from: Type.Optional(Decimal),
            limit: Type.Optional(Type.String({ pattern: '^([1-9][0-9]{0,2}|1000)$' })),
            subjectType: Type.Optional(Type.String({ maxLength: 64 })),
            subjectId: Type.Optional(Type.String({ maxLength: 128 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(AuditEventResponse), 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      const { from, limit, subjectType, subjectId } = request.query;
      const events = await listAuditEvents({
        db,
        actor: requireStaff(request),
        fromSeq: num(from),
        limit: num(limit),
        subject: subjectType && subjectId ? { type: subjectType, id: subjectId } : undefined,
      });
      return events.map((e) => ({
        seq: e.seq,
        occurredAt: new Date(e.occurred_at).toISOString(),
        actorType: e.actor_type,
        actorId: e.actor_id,
        unitId: e.unit_id,
        action: e.action,
        subjectType: e.subject_type,
        subjectId: e.subject_id,
        requestId: e.request_id,
        entry: e.entry,
      }));
    },
  );

  app.get<{ Params: { type: string; id: string } }>(
    '/api/v1/audit/subjects/:type/:id/history',
    {
      schema: {
        tags: ['audit'],
        summary: 'History of a subject (dossier, document, staff) with an offline proof per event (auditors)',
        security: [{ bearer: [] }],
        params: Type.Object({ type: Type.String({ maxLength: 64 }), id: Type.String({ maxLength: 128 }) }),
        response: {
          200: Type.Array(
            Type.Object({
              seq: Type.Union([Size, Type.Null()], {
                description: 'null while the event is pending: committed, not yet numbered (a few seconds)',
              }),
              action: Type.String(),
              occurredAt: Type.String({ format: 'date-time' }),
              isVerified: Type.Boolean(),
              proof: Type.Union([
                Type.String({ description: 'C2SP tlog-proof, the entry in its extra line' }),
                Type.Null(),
              ]),
            }),
          ),
          401: ErrorResponse,
          403: ErrorResponse,
        },
      },
    },
    async (request) => {
      const items = await getSubjectHistory({
        db,
        actor: requireStaff(request),
        subjectType: request.params.type,
        subjectId: request.params.id,
        verifier: parseVerifierKey(getVerifierKey()),
      });
      return items.map((item) => ({
        seq: item.event.seq,
        action: item.event.action,
        occurredAt: new Date(item.event.occurred_at).toISOString(),
        isVerified: item.isVerified,
        proof: item.proof ?? null,
      }));
    },
  );

  app.get<{ Params: { seq: string } }>(
    '/api/v1/audit/events/:seq/proof',
    {
      schema: {
        tags: ['audit'],
        summary: 'Offline proof (C2SP tlog-proof, the entry in its extra line) of one event (auditors)',
        security: [{ bearer: [] }],
        params: Type.Object({ seq: Decimal }),
        response: {
          200: {
            description: 'The proof as a C2SP tlog-proof text file (an attachment).',
            content: { 'text/plain': { schema: Type.String() } },
          },
          401: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
          409: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const seq = Number(request.params.seq);
      const proof = await exportAuditProof({ db, actor: requireStaff(request), seq });
      return reply
        .type('text/plain; charset=utf-8')
        .header('content-disposition', `attachment; filename="xaso-audit-${seq}.tlog-proof"`)
        .send(proof);
    },
  );
}

// Offline proofs of a dossier's history (issue 4 §5-6): one C2SP tlog-proof file per event, checkable later
// with nothing but the log's published key. Staff of the dossier's unit download them by link; the applicant
// by a small form that repeats the lookup check (code + last phone digits in the POST body, never in a URL;
// or the signed-in applicant), rate limited like the lookup, with the same NOT_FOUND for every failure.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Db } from '../database.ts';
import { assertLookupAllowed } from '../modules/dossiers/dossier.routes.ts';
import { exportDossierEventProof } from '../modules/dossiers/export-dossier-event-proof.ts';
import { requireStaff } from '../modules/identity/authenticate.ts';
import { AppError } from '../platform/errors.ts';
import type { RateLimiter } from '../platform/http/rate-limiter.ts';

const text = (value: unknown, max: number) => (typeof value === 'string' ? value.trim().slice(0, max) : '');

function seqOf(value: string): number {
  const match = /^([0-9]{1,15})(\.tlog-proof)?$/.exec(value);
  if (!match) {
    throw new AppError('NOT_FOUND', 'No such event.');
  }
  return Number(match[1]);
}

function sendProof(reply: FastifyReply, code: string, seq: number, proof: string): FastifyReply {
  return reply
    .type('text/plain; charset=utf-8')
    .header('cache-control', 'no-store')
    .header(
      'content-disposition',
      `attachment; filename="${code.replace(/[^A-Za-z0-9.-]/g, '')}-${seq}.tlog-proof"`,
    )
    .send(proof);
}

/** Where a staff member downloads the offline proof of one event of a dossier. */
export function staffProofHref(code: string, seq: number): string {
  return `/ho-so/${encodeURIComponent(code)}/nhat-ky/${seq}.tlog-proof`;
}

export function registerAuditHistoryPages(
  app: FastifyInstance,
  options: { db: Db; lookupLimiter: RateLimiter },
): void {
  const { db } = options;

  app.get<{ Params: { code: string; file: string } }>(
    '/ho-so/:code/nhat-ky/:file',
    { schema: { hide: true } },
    async (request, reply) => {
      const actor = requireStaff(request);
      const seq = seqOf(request.params.file);
      const code = request.params.code;
      return sendProof(reply, code, seq, await exportDossierEventProof({ db, actor, code, seq }));
    },
  );

  app.post<{ Body: Record<string, unknown> }>(
    '/tra-cuu/nhat-ky',
    { schema: { hide: true } },
    async (request, reply) => {
      assertLookupAllowed(options.lookupLimiter, request.ip);
      const code = text(request.body?.code, 64).toUpperCase();
      const seq = seqOf(text(request.body?.seq, 16));
      const proof = await exportDossierEventProof({
        db,
        code,
        seq,
        phoneLast4: text(request.body?.phone, 8),
        citizen: request.citizen,
      });
      return sendProof(reply, code, seq, proof);
    },
  );
}

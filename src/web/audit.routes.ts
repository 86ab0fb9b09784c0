// The auditor pages (issue 4 §6): browse the log with its signed state, download offline proofs, export.
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../database.ts';
import { exportAuditEvents } from '../modules/audit-log/export-audit-events.ts';
import { getAuditLogStatus } from '../modules/audit-log/get-audit-log-status.ts';
import { listAuditEvents } from '../modules/audit-log/list-audit-events.ts';
import { requireStaff } from '../modules/identity/authenticate.ts';
import type { PageKit } from './page-kit.ts';
import { AUDIT_PAGE_SIZE, auditLogPage } from './pages/audit-log-page.ts';

type FromQuery = { Querystring: { from?: string } };

const fromOf = (text: string | undefined) => (text && /^[0-9]{1,15}$/.test(text) ? Number(text) : 0);

export function registerAuditPages(app: FastifyInstance, options: { db: Db; kit: PageKit }): void {
  const { db, kit } = options;

  app.get<FromQuery>('/audit', { schema: { hide: true } }, async (request, reply) => {
    const actor = requireStaff(request);
    const from = fromOf(request.query.from);
    const events = await listAuditEvents({ db, actor, fromSeq: from, limit: AUDIT_PAGE_SIZE });
    const ctx = kit.context(request, reply);
    const status = await getAuditLogStatus({ db });
    return kit.send(reply, ctx, {
      title: ctx.t('audit.title'),
      body: auditLogPage(ctx, { status, events, from }),
    });
  });

  // Everything the auditor may read from `from` on, streamed: JSON Lines (the logged entries, exactly the
  // bytes whose leaf hashes are in the tree) or CSV (`format=csv`).
  app.get<{ Querystring: { from?: string; format?: string } }>(
    '/audit/export',
    { schema: { hide: true } },
    async (request, reply) => {
      const actor = requireStaff(request);
      const from = fromOf(request.query.from);
      const format = request.query.format === 'csv' ? 'csv' : 'jsonl';
      const chunks = exportAuditEvents({ db, actor, format, fromSeq: from });
      return reply
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="xaso-audit-from-${from}.${format}"`)
        .send(Readable.from(chunks));
    },
  );
}

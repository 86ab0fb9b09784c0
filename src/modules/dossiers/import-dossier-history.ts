import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import { findCatalogueUnits } from '../catalogue/catalogue-units.ts';
import { vietnamDate } from '../catalogue/vietnam-date.ts';
import type { Applicant } from './dossier.table.ts';
import { formatDossierCode } from './dossier-code.ts';
import type { DossierChannel, DossierStatus } from './dossier-status.ts';

export interface HistoricalDossier {
  readonly procedure: { readonly code: string; readonly versionId: string; readonly name: string };
  readonly channel: DossierChannel;
  readonly applicant: Applicant;
  readonly feeVnd: number;
  readonly dueAt: Date | null;
  /** The status timeline, oldest first; the first entry is the reception (2) or the refusal at intake (3). */
  readonly events: readonly { readonly status: DossierStatus; readonly at: Date }[];
}

/**
 * Imports dossiers handled before xaso (an older one-stop system; the demo's past months) into one unit in
 * bulk: codes taken from the same per-body, per-day counters as intake (which are moved past them, so a
 * later intake never collides), timelines as given, no messages sent (the outbox is left alone: these
 * changes are history), and ONE audit event for the whole import. Not exposed over HTTP.
 * @throws AppError NOT_FOUND (unit), VALIDATION_FAILED (a dossier without a first event)
 */
export async function importDossierHistory(options: {
  db: Db;
  unitId: string;
  dossiers: readonly HistoricalDossier[];
}): Promise<{ count: number }> {
  const units = await findCatalogueUnits(options.db, options.unitId);
  if (!units) {
    throw new AppError('NOT_FOUND', 'No such unit.');
  }
  const body = units.adopter ?? units.unit;
  if (options.dossiers.some((d) => d.events.length === 0)) {
    throw new AppError('VALIDATION_FAILED', 'Every imported dossier needs its reception event.');
  }
  return options.db.transaction().execute(async (trx) => {
    const counters = new Map<string, number>();
    for (const row of await trx
      .selectFrom('dossier_code_counters')
      .select(['day', 'last_seq'])
      .where('unit_id', '=', body.id)
      .forUpdate()
      .execute()) {
      counters.set(row.day, row.last_seq);
    }
    const dossierRows = [];
    const eventRows = [];
    for (const d of options.dossiers) {
      const first = d.events[0] as { status: DossierStatus; at: Date };
      const last = d.events.at(-1) as { status: DossierStatus; at: Date };
      const day = vietnamDate(first.at);
      const seq = (counters.get(day) ?? 0) + 1;
      counters.set(day, seq);
      const id = randomUUID();
      dossierRows.push({
        id,
        code: formatDossierCode(body.identifier_code, day, seq),
        unit_id: units.unit.id,
        procedure_code: d.procedure.code,
        procedure_version_id: d.procedure.versionId,
        procedure_name: d.procedure.name,
        channel: d.channel,
        status: last.status,
        applicant: JSON.stringify(d.applicant),
        applicant_phone_digits: d.applicant.phone.replace(/\D/g, ''),
        applicant_identifier: d.applicant.personalIdentifier,
        documents: '[]',
        fee_vnd: d.feeVnd,
        received_at: first.at,
        due_at: d.dueAt,
        derivation_vi: null,
        derivation_en: null,
        derivation: '[]',
        refusal_reasons: first.status === 3 ? 'Hồ sơ chưa đủ thành phần theo quy định.' : null,
        received_by: null,
      });
      eventRows.push(...d.events.map((e) => ({ dossier_id: id, status: e.status, at: e.at })));
    }
    for (let i = 0; i < dossierRows.length; i += 500) {
      await trx
        .insertInto('dossiers')
        .values(dossierRows.slice(i, i + 500))
        .execute();
    }
    for (let i = 0; i < eventRows.length; i += 1000) {
      await trx
        .insertInto('dossier_status_events')
        .values(eventRows.slice(i, i + 1000))
        .execute();
    }
    if (counters.size > 0) {
      await trx
        .insertInto('dossier_code_counters')
        .values([...counters].map(([day, last_seq]) => ({ unit_id: body.id, day, last_seq })))
        .onConflict((oc) =>
          oc.columns(['unit_id', 'day']).doUpdateSet({
            last_seq: sql`greatest(dossier_code_counters.last_seq, excluded.last_seq)`,
          }),
        )
        .execute();
    }
    await appendAuditEvent(trx, {
      actor: { type: 'system', id: null },
      action: 'dossier.history_imported',
      unitId: units.unit.id,
      subjectType: 'unit',
      subjectId: units.unit.id,
      requestId: null,
      state: dossierRows.map((r) => r.id),
      details: { count: dossierRows.length },
    });
    return { count: dossierRows.length };
  });
}

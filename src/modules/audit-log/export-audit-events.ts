// The auditor's export of the log (issue 4 §6): every event the auditor may read, from a position on, as
// JSON Lines (the logged entries themselves, byte for byte: their leaf hashes are in the tree) or as CSV
// (one column per field, then the entry). Streamed a page at a time by sequence number, so a log of
// millions of events is never held in memory; authorised before the first byte is sent. Only sequenced
// events: a pending one (a few seconds old) has no place in the log and no final entry bytes yet.
import type { Db } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import type { StaffActor } from '../identity/actor.ts';
import { auditScopes } from './audit-access.ts';
import { listAuditEvents, type SequencedAuditEvent } from './list-audit-events.ts';

export type AuditExportFormat = 'jsonl' | 'csv';

const PAGE = 1000;

const CSV_COLUMNS = [
  'seq',
  'occurred_at',
  'actor_type',
  'actor_id',
  'unit_id',
  'action',
  'subject_type',
  'subject_id',
  'request_id',
  'state_digest',
  'entry',
] as const;

/**
 * One CSV field (RFC 4180: quoted when it holds a comma, quote or line break, quotes doubled). A field a
 * spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe (OWASP CSV injection).
 */
export function csvField(value: unknown): string {
  let text =
    value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLine(event: SequencedAuditEvent): string {
  return `${CSV_COLUMNS.map((column) => csvField(event[column])).join(',')}\r\n`;
}

/** Throws FORBIDDEN unless the actor reads the log somewhere; then yields the export chunk by chunk. */
export function exportAuditEvents(options: {
  db: Db;
  actor: StaffActor;
  format: AuditExportFormat;
  fromSeq?: number | undefined;
}): AsyncIterable<string> {
  if (auditScopes(options.actor).paths.length === 0) {
    throw new AppError('FORBIDDEN', 'Only auditors read the audit log.');
  }
  return (async function* () {
    if (options.format === 'csv') {
      yield `${CSV_COLUMNS.join(',')}\r\n`;
    }
    let from = options.fromSeq ?? 0;
    for (;;) {
      const events = await listAuditEvents({ ...options, fromSeq: from, limit: PAGE });
      if (events.length > 0) {
        yield events.map((e) => (options.format === 'csv' ? csvLine(e) : `${e.entry}\n`)).join('');
      }
      const last = events.at(-1);
      if (!last || events.length < PAGE) {
        return;
      }
      from = last.seq + 1;
    }
  })();
}

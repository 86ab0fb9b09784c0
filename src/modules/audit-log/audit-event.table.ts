import type { ColumnType, Selectable } from 'kysely';

export interface AuditEventTable {
  /** Position in the log: 0, 1, 2, ... with no gaps, in commit order (see append-audit-event.ts). */
  seq: number;
  occurred_at: ColumnType<Date, Date, never>;
  actor_type: 'staff' | 'citizen' | 'system' | 'anonymous';
  actor_id: string | null;
  unit_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  request_id: string | null;
  /** SHA-256 (hex) of the subject's new state, so the log commits to what changed without holding it. */
  state_digest: string | null;
  /** Redacted details: never personal data in clear (Law 91/2025). */
  details: ColumnType<Record<string, unknown>, string, never>;
  /** The canonical bytes (UTF-8 JSON) the Merkle leaf is computed over; the other columns are derived. */
  entry: string;
}

/** The one-row counter that makes sequencing gapless: taken FOR UPDATE inside the business transaction. */
export interface AuditHeadTable {
  id: number;
  next_seq: number;
}

export type AuditEvent = Selectable<AuditEventTable>;

export interface AuditLogTables {
  audit_events: AuditEventTable;
  audit_head: AuditHeadTable;
}

import type { ColumnType, Selectable } from 'kysely';

export interface AuditEventTable {
  /** Insertion order (an identity: never reused, may have gaps); the sequencer numbers pending events by it. */
  id: ColumnType<number, never, never>;
  /**
   * Position in the log: 0, 1, 2, ... with no gaps, assigned by the sequencer (sequence-audit-events.ts);
   * NULL while the event is pending (committed, not yet numbered: at most a few seconds).
   */
  seq: number | null;
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
  /**
   * The canonical bytes (UTF-8 JSON) the Merkle leaf is computed over; the other columns are derived. While
   * pending, U+0001 stands where `seq` goes (PENDING_SEQ in append-audit-event.ts): not yet the logged bytes.
   */
  entry: string;
}

/** The sequencer's one-row counter (the next `seq`), locked only by the sequencer: never by a business transaction. */
export interface AuditHeadTable {
  id: number;
  next_seq: number;
}

export type AuditEvent = Selectable<AuditEventTable>;

/** One C2SP tlog-tiles tile: `hashes` holds its current width × 32 bytes; a partial tile only grows. */
export interface AuditTileTable {
  level: number;
  idx: number;
  hashes: Uint8Array;
}

/** A signed checkpoint (C2SP tlog-checkpoint as a signed note), one per integrated batch. */
export interface AuditCheckpointTable {
  size: number;
  root_hash: Uint8Array;
  /** The signed note, verbatim as published at /log/checkpoint. */
  note: string;
  created_at: ColumnType<Date, never, never>;
}

/** A witness cosignature line (C2SP tlog-witness) for a checkpoint. */
export interface AuditCosignatureTable {
  size: number;
  witness: string;
  signature_line: string;
  created_at: ColumnType<Date, never, never>;
}

/** A witness (C2SP tlog-witness) the log posts its checkpoints to; `size` is the last size it cosigned. */
export interface AuditWitnessTable {
  name: string;
  /** Submission prefix: the log POSTs to `<url>/add-checkpoint`. */
  url: string;
  /** The witness's cosigner verifier key (signature type 0x04). */
  verifier_key: string;
  size: number;
}

/** The one-row integration state: the size of the tree the tiles hold; locked by the integrator. */
export interface AuditTreeStateTable {
  id: number;
  size: number;
}

export type AuditCheckpoint = Selectable<AuditCheckpointTable>;

export interface AuditLogTables {
  audit_events: AuditEventTable;
  audit_head: AuditHeadTable;
  audit_tiles: AuditTileTable;
  audit_checkpoints: AuditCheckpointTable;
  audit_cosignatures: AuditCosignatureTable;
  audit_tree_state: AuditTreeStateTable;
  audit_witnesses: AuditWitnessTable;
}
